// Runs the hoso binary under test and captures what it prints.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace hoso::test {

struct HosoRun {
  int exit_code;
  std::string out;  // stdout and stderr
};

// `args` go to a shell after the binary's path (quote them as a shell would).
// The locale is a fresh machine's (C.UTF-8: hoso speaks Vietnamese), unless
// `locale` names another ("en_US.UTF-8").
inline HosoRun Hoso(const std::string& args, bool with_stderr = true, const std::string& locale = "C.UTF-8") {
  const std::string cmd = "env LANGUAGE= LC_ALL= LC_MESSAGES= LANG=" + locale + " " + std::string(HOSO_BINARY) + " " +
                          args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace hoso::test
