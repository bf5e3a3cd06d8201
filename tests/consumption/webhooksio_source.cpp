// The one file of the separately compiled consumer that compiles the
// library's shared code (docs/guide.md: "Header-only, or compiled once").
#include <webhooksio/src.hpp>
