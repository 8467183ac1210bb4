// A small command-line reader shared by hoso's subcommands: long options
// with values (--db PATH or --db=PATH), flags, and positional arguments.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hoso::cli {

class Args {
 public:
  // `with_value` names options that take a value, `flags` those that do not.
  Args(std::vector<std::string> argv, std::set<std::string> with_value, std::set<std::string> flags);
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  std::optional<std::string> Value(const std::string& name) const;
  bool Flag(const std::string& name) const { return flags_set_.count(name) > 0; }
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> flags_set_;
  std::vector<std::string> positional_;
  std::string error_;
};

bool IsIsoDate(const std::string& s);

}  // namespace hoso::cli
