// The configuration file an installed hoso reads (/etc/hoso/hoso.conf): the
// options of its commands, so that the services and the administrator's
// own commands agree on the database, the folders, the port. Command-line
// options win over the file.
//
//   # keys are the commands' long options without "--"
//   db = /var/lib/hoso/hoso.db
//   intake-point = Trụ sở UBND phường
//   [serve]
//   bind = 0.0.0.0
//   port = 8080
//   [watch diem-2]          # hoso --instance diem-2 watch (hoso-watch@diem-2)
//   folder = /srv/scans/diem-2
//   intake-point = Điểm tiếp nhận số 2
//
// A key before any section applies to every command that has that option;
// [COMMAND] to that command; [COMMAND INSTANCE] to that command run with
// --instance INSTANCE (later sections win). A flag is set by "true", "yes"
// or "1". `folder` is the folder `watch` watches.
#pragma once

#include <map>
#include <string>

namespace hoso::cli {

// The keys that apply to `command` (and `instance`, may be empty), from
// the file at `path`; an error (the file's line and why) in *error.
bool LoadConfig(const std::string& path, const std::string& command, const std::string& instance,
                std::map<std::string, std::string>* keys, std::string* error);

// Where an installed hoso looks when no --config is given: PREFIX/../etc
// (/etc for /usr) /hoso/hoso.conf when the running binary is PREFIX/bin/hoso
// beside PREFIX/share/hoso; $HOSO_CONFIG wins. Empty for a build tree.
std::string DefaultConfigPath();

// The defaults every Args takes for the options it knows and was not given
// (set once, by main, from the configuration file).
void SetOptionDefaults(std::map<std::string, std::string> keys);
const std::map<std::string, std::string>& OptionDefaults();

}  // namespace hoso::cli
