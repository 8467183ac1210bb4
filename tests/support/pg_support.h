// The PostgreSQL server ctest starts for the tests (tests/support/pg_server.sh,
// the `pg` fixture): each call gives the URI of a new, empty database on it.
#pragma once

#include <string>

namespace hoso::test {

// Fails the calling test (and returns "") when no server was started.
std::string FreshPostgresDatabase();

}  // namespace hoso::test
