// The configuration file: keys for every command, for one command, for one
// instance of it; the command line wins; a malformed line is said with
// its place.
#include <gtest/gtest.h>

#include <fstream>

#include "cli/args.h"
#include "cli/config.h"
#include "support/test_support.h"

namespace hoso::cli {
namespace {

class ConfigTest : public ::testing::Test {
 protected:
  void TearDown() override { SetOptionDefaults({}); }
  std::string Write(const std::string& text) {
    const std::string path = (dir_ / "hoso.conf").string();
    std::ofstream(path) << text;
    return path;
  }
  test::ScratchDir dir_;
};

constexpr const char* kConf =
    "# a comment\n"
    "db = /var/lib/hoso/hoso.db\n"
    "intake-point = Trụ sở UBND phường   # the ward's hall\n"
    "\n"
    "[serve]\n"
    "port = 8080\n"
    "--bind = 0.0.0.0\n"
    "[watch]\n"
    "settle = 5\n"
    "[watch diem-2]\n"
    "folder = /srv/scans/diem-2\n"
    "intake-point = Điểm tiếp nhận số 2\n"
    "once = yes\n";

TEST_F(ConfigTest, SectionsApplyToTheirCommandAndInstance) {
  const std::string path = Write(kConf);
  std::map<std::string, std::string> serve, watch, other;
  std::string error;
  ASSERT_TRUE(LoadConfig(path, "serve", "", &serve, &error)) << error;
  EXPECT_EQ(serve, (std::map<std::string, std::string>{{"db", "/var/lib/hoso/hoso.db"},
                                                       {"intake-point", "Trụ sở UBND phường"},
                                                       {"port", "8080"},
                                                       {"bind", "0.0.0.0"}}));
  ASSERT_TRUE(LoadConfig(path, "watch", "diem-2", &watch, &error)) << error;
  EXPECT_EQ(watch.at("intake-point"), "Điểm tiếp nhận số 2") << "the instance's own wins";
  EXPECT_EQ(watch.at("folder"), "/srv/scans/diem-2");
  EXPECT_EQ(watch.at("settle"), "5");
  EXPECT_EQ(watch.count("port"), 0u);
  ASSERT_TRUE(LoadConfig(path, "watch", "diem-3", &other, &error)) << error;
  EXPECT_EQ(other.at("intake-point"), "Trụ sở UBND phường");
  EXPECT_EQ(other.count("folder"), 0u);
}

TEST_F(ConfigTest, TheCommandLineWinsAndOnlyKnownOptionsAreTaken) {
  std::map<std::string, std::string> keys;
  std::string error;
  ASSERT_TRUE(LoadConfig(Write(kConf), "watch", "diem-2", &keys, &error));
  SetOptionDefaults(keys);
  Args args({"--db", "other.db", "/scans"}, {"--db", "--intake-point", "--settle"}, {"--once", "--quiet"});
  ASSERT_TRUE(args.ok()) << args.error();
  EXPECT_EQ(args.Value("--db"), "other.db");
  EXPECT_EQ(args.Value("--intake-point"), "Điểm tiếp nhận số 2");
  EXPECT_EQ(args.Value("--settle"), "5");
  EXPECT_TRUE(args.Flag("--once"));
  EXPECT_FALSE(args.Flag("--quiet"));
  // A command without the option does not get it (no "unknown option").
  Args serve({}, {"--db", "--port"}, {});
  EXPECT_TRUE(serve.ok()) << serve.error();
  EXPECT_FALSE(serve.Value("--port").has_value());
}

TEST_F(ConfigTest, AMalformedLineIsSaidWithItsPlace) {
  std::map<std::string, std::string> keys;
  std::string error;
  EXPECT_FALSE(LoadConfig(Write("db = x\nport 8080\n"), "serve", "", &keys, &error));
  EXPECT_NE(error.find("hoso.conf:2: expected KEY = VALUE"), std::string::npos) << error;
  EXPECT_FALSE(LoadConfig(Write("[serve\n"), "serve", "", &keys, &error));
  EXPECT_NE(error.find(":1: a section is"), std::string::npos) << error;
  EXPECT_FALSE(LoadConfig((dir_ / "none.conf").string(), "serve", "", &keys, &error));
  EXPECT_NE(error.find("cannot read"), std::string::npos) << error;
}

// A build tree's hoso reads no configuration unless told to.
TEST_F(ConfigTest, ABuildTreeHasNoDefaultFile) {
  unsetenv("HOSO_CONFIG");
  EXPECT_EQ(DefaultConfigPath(), "");
  setenv("HOSO_CONFIG", "/tmp/x.conf", 1);
  EXPECT_EQ(DefaultConfigPath(), "/tmp/x.conf");
  unsetenv("HOSO_CONFIG");
}

}  // namespace
}  // namespace hoso::cli
