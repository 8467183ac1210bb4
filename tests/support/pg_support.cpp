#include "support/pg_support.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <regex>

namespace hoso::test {

std::string FreshPostgresDatabase() {
  const char* file = std::getenv("HOSO_TEST_PG_URI_FILE");
  std::string uri;
  if (file) std::getline(std::ifstream(file), uri);
  if (uri.empty()) {
    ADD_FAILURE() << "no PostgreSQL test server: run the tests through ctest, which starts one "
                     "(tests/support/pg_server.sh)";
    return "";
  }
  std::smatch m;
  if (!std::regex_match(uri, m, std::regex(R"(postgresql://(\w+)@/(\w+)\?host=([^&]+)&port=(\d+))"))) {
    ADD_FAILURE() << "unexpected test server URI " << uri;
    return "";
  }
  static std::once_flag once;
  std::call_once(once, [] { Poco::Data::PostgreSQL::Connector::registerConnector(); });
  static std::atomic<int> counter{0};
  const std::string name = "t" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  Poco::Data::Session admin(
      "PostgreSQL", "host=" + m[3].str() + " port=" + m[4].str() + " dbname=" + m[2].str() + " user=" + m[1].str());
  admin << "CREATE DATABASE " + name, Poco::Data::Keywords::now;
  return "postgresql://" + m[1].str() + "@/" + name + "?host=" + m[3].str() + "&port=" + m[4].str();
}

}  // namespace hoso::test
