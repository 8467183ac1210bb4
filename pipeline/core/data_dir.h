// Where hoso's own files are: the models (gazetteer, form templates, name
// lists) and the review station's web page. No source path is compiled in:
// an environment variable, when set, says where; otherwise the folder is
// share/hoso/NAME found going up from the running binary — PREFIX/share/hoso
// when installed (PREFIX/bin/hoso), the build tree's share/hoso when built
// (CMake links it to the source tree's folders).
#pragma once

#include <string>

namespace hoso {

// `name` is "models" or "web"; `env_var` (HOSO_MODELS, HOSO_WEB) wins when
// set. Empty when no such folder is found.
std::string DataDir(const std::string& name, const char* env_var);

}  // namespace hoso
