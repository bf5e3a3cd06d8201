// Writes single_include/webhooksio.hpp: the umbrella header (and the
// recording transport) with every
// `#include "..."` of the library inlined once, in order.
//
//   amalgamate <include dir> <output file>           write the single header
//   amalgamate <include dir> <output file> --check   fail if it is stale
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string quoted_include(const std::string& line) {
    std::size_t i = line.find_first_not_of(" \t");
    if (i == std::string::npos || line.compare(i, 8, "#include") != 0) return {};
    std::size_t open = line.find('"', i);
    if (open == std::string::npos) return {};
    std::size_t close = line.find('"', open + 1);
    return close == std::string::npos ? std::string{} : line.substr(open + 1, close - open - 1);
}

bool is_pragma_once(const std::string& line) { return line.find("#pragma once") != std::string::npos; }

void inline_file(const fs::path& file, std::set<fs::path>& done, std::ostream& out) {
    fs::path canonical = fs::canonical(file);
    if (!done.insert(canonical).second) return;
    std::ifstream in(canonical);
    if (!in) throw std::runtime_error("cannot read " + canonical.string());
    out << "// ---- " << canonical.parent_path().filename().string() << '/' << canonical.filename().string() << '\n';
    for (std::string line; std::getline(in, line);) {
        if (is_pragma_once(line)) continue;
        if (std::string inner = quoted_include(line); !inner.empty()) {
            inline_file(canonical.parent_path() / inner, done, out);
            continue;
        }
        out << line << '\n';
    }
}

std::string amalgamate(const fs::path& include_dir) {
    std::ostringstream out;
    out << "// webhooksio-cpp, single header. GENERATED from include/ by tools/amalgamate.cpp\n"
           "// (the `amalgamate` build target): do not edit by hand.\n"
           "#pragma once\n";
    std::set<fs::path> done;
    // The umbrella header reads <webhooksio/tolerant_json.hpp> only where a
    // build needs it (model.hpp, header-only); a single-header user opting
    // their own structs in needs it in either build, so it comes first,
    // outside any #if.
    inline_file(include_dir / "webhooksio" / "tolerant_json.hpp", done, out);
    inline_file(include_dir / "webhooksio" / "webhooksio.hpp", done, out);
    // The umbrella header leaves test helpers out; a single-header user has
    // no other way to the recording transport, which needs nothing more.
    inline_file(include_dir / "webhooksio" / "testing" / "recording_transport.hpp", done, out);
    return out.str();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: amalgamate <include dir> <output file> [--check]\n";
        return 2;
    }
    try {
        const std::string fresh = amalgamate(argv[1]);
        const fs::path output = argv[2];
        if (argc > 3 && std::string(argv[3]) == "--check") {
            std::ifstream in(output);
            std::stringstream current;
            current << in.rdbuf();
            if (current.str() == fresh) return 0;
            std::cerr << output.string() << " is stale: rebuild it with `cmake --build <build dir> --target amalgamate`\n";
            return 1;
        }
        std::ofstream(output, std::ios::binary) << fresh;
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "amalgamate: " << e.what() << '\n';
        return 2;
    }
}
