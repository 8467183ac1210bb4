// The command-line reader every tool shares (hoso's subcommands, samplegen,
// evaluate, gazetteer, the benchmarks): long options with values (--db PATH
// or --db=PATH), flags, and positional arguments.
#pragma once

#include <cstdint>
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
  // The option's value (the last, when it was given more than once).
  std::optional<std::string> Value(const std::string& name) const;
  // Every value given for the option, in order (--truth-dir A --truth-dir B).
  std::vector<std::string> Values(const std::string& name) const;
  bool Flag(const std::string& name) const { return flags_set_.count(name) > 0; }
  const std::vector<std::string>& positional() const { return positional_; }
  // The value as a number, or `fallback` when the option is absent. A value
  // that is not a number (whole, for the integers) makes ok() false and
  // error() say so; `fallback` is returned then too.
  int Int(const std::string& name, int fallback);
  std::uint64_t Uint64(const std::string& name, std::uint64_t fallback);
  double Double(const std::string& name, double fallback);

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::set<std::string> flags_set_;
  std::vector<std::string> positional_;
  std::string error_;
};

bool IsIsoDate(const std::string& s);

// "PROGRAM: MESSAGE" and where to read more, on standard error; returns 2,
// the exit code of a usage error.
int UsageError(const std::string& program, const std::string& message);

// The start every command shares: with --help (or -h, when it is a flag
// of the command), `help` on standard output and 0; a command line that did
// not parse, the usage error and 2; otherwise nothing, and the command goes
// on.
std::optional<int> HelpOrUsageError(const Args& args, const std::string& program, const std::string& help);

}  // namespace hoso::cli
