// How the library is compiled. Header-only by default: every file that
// includes it compiles what it uses. A program that defines
// WEBHOOKSIO_SEPARATE_COMPILATION (for all of its files) compiles the shared
// code (request pipeline, retries, transport) once instead, in the one file
// that includes <webhooksio/src.hpp>; every other file only declares it.
#pragma once
#ifndef WEBHOOKSIO_CONFIG_HPP
#define WEBHOOKSIO_CONFIG_HPP

#if defined(WEBHOOKSIO_SEPARATE_COMPILATION)
#define WEBHOOKSIO_DECL
#if defined(WEBHOOKSIO_SOURCE)
#define WEBHOOKSIO_DEFINITIONS 1
#else
#define WEBHOOKSIO_DEFINITIONS 0
#endif
#else
#define WEBHOOKSIO_DECL inline
#define WEBHOOKSIO_DEFINITIONS 1
#endif

// The Boost.Describe lists of the library's own structs (each endpoint's
// options, webhooksio::model), in every file that compiles the library's
// definitions, which read the model's. A user's file of a separately compiled
// program leaves them out, as about 7% of its compile time that its
// calls don't use, unless it defines WEBHOOKSIO_DESCRIBE_TYPES first.
#if WEBHOOKSIO_DEFINITIONS || defined(WEBHOOKSIO_DESCRIBE_TYPES)
#define WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(type, bases, members) BOOST_DESCRIBE_STRUCT(type, bases, members)
#else
#define WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(type, bases, members) static_assert(true);
#endif

// On the client's call methods: a caller that makes many calls then holds one
// call instruction per call instead of each call's whole body (what it saves
// the compiler: tests/benchmarks/compile_time/all_calls.cpp).
#if defined(__GNUC__) || defined(__clang__)
#define WEBHOOKSIO_NOINLINE [[gnu::noinline]]
#else
#define WEBHOOKSIO_NOINLINE
#endif

#endif
