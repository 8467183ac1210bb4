// Hostile and broken files (the corpus tests/bad_inputs/make_corpus.cpp
// writes): each gets its own record with the error code the manifest names
// (or is read, for odd but real images), the batch goes on, and memory
// stays bounded.
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>
#include <sys/resource.h>

#include <fstream>
#include <map>
#include <sstream>

#include "cli/hoso_run.h"
#include "cli/spawn.h"
#include "support/test_support.h"

namespace hoso {
namespace {

TEST(BadInputs, EachGetsItsErrorAndTheBatchGoesOn) {
  test::ScratchDir dir;
  const auto corpus = dir / "corpus";
  ASSERT_EQ(std::system((std::string(MAKE_BAD_INPUTS) + " " + corpus.string() + " 2>/dev/null").c_str()), 0);
  std::map<std::string, std::string> want;
  std::vector<std::string> args{"process", "--quiet",
                                "--jobs",  "2",
                                "--as-of", "2026-01-01",
                                "--db",    (dir / "r.db").string(),
                                "--json",  (dir / "out.jsonl").string()};
  {
    std::ifstream manifest(corpus / "manifest.tsv");
    for (std::string line; std::getline(manifest, line);) {
      std::istringstream fields(line);
      std::string file, code;
      std::getline(fields, file, '\t');
      std::getline(fields, code, '\t');
      want[(corpus / file).string()] = code;
      args.push_back((corpus / file).string());
    }
  }
  ASSERT_GE(want.size(), 30u) << "at least 30 kinds of bad input";
  const pid_t pid = test::SpawnHoso(args, (dir / "log.txt").string());
  int status = 0;
  rusage usage{};
  ASSERT_EQ(wait4(pid, &status, 0, &usage), pid);
  ASSERT_TRUE(WIFEXITED(status)) << "hoso died: " << test::ReadFile(dir / "log.txt");
  EXPECT_EQ(WEXITSTATUS(status), 1) << "some inputs were rejected";
  // Memory: the corpus claims pages of 10,000 megapixels; nothing like that is allocated.
  EXPECT_LT(usage.ru_maxrss, 1024L * 1024) << "peak RSS in KiB";
  std::map<std::string, std::string> got;
  std::ifstream out(dir / "out.jsonl");
  for (std::string line; std::getline(out, line);) {
    auto r = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
    got[r->getValue<std::string>("source")] =
        r->has("error") && !r->isNull("error") ? r->getObject("error")->getValue<std::string>("code") : "OK";
  }
  EXPECT_EQ(got.size(), want.size()) << "one record per input";
  for (const auto& [file, code] : want) EXPECT_EQ(got[file], code) << file;
}

}  // namespace
}  // namespace hoso
