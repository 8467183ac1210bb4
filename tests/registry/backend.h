// The registry and queue tests run against each database: SQLite (a file in
// a scratch folder) in registry_test, PostgreSQL (a fresh database on the
// server ctest starts) in registry_pg_test, from the same sources.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "support/test_support.h"
#ifdef HOSO_TEST_POSTGRES
#include "support/pg_support.h"
#endif

namespace hoso::test {

class OnEachDatabase : public ::testing::Test {
 protected:
  // The same database every time within one test.
  const std::string& Uri() {
    if (uri_.empty()) {
#ifdef HOSO_TEST_POSTGRES
      uri_ = FreshPostgresDatabase();
#else
      uri_ = (dir_ / "r.db").string();
#endif
    }
    return uri_;
  }
  // The registry or the job queue (anything with a static Open(uri)) on this
  // test's database; null, with the test failed, when it cannot be opened.
  template <typename T>
  std::unique_ptr<T> OpenOnIt() {
    auto opened = T::Open(Uri());
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    return opened.ok() ? std::move(opened).value() : nullptr;
  }
  static constexpr bool kPostgres =
#ifdef HOSO_TEST_POSTGRES
      true;
#else
      false;
#endif

 private:
  ScratchDir dir_;
  std::string uri_;
};

}  // namespace hoso::test
