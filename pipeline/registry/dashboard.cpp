// The review station's dashboard: dossiers by day and status, the commonest
// flags, and the recent batches with their speed.
#include "registry/registry.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>

#include "registry/impl.h"
#include <Poco/Timespan.h>

namespace hoso {

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Session;
using Poco::Data::Statement;

Result<std::vector<Registry::DayCount>> Registry::CountsByDay(int days) {
  const std::string since =
      Poco::DateTimeFormatter::format(Poco::DateTime() - Poco::Timespan(days, 0, 0, 0, 0), "%Y-%m-%d");
  return impl_->Select<DayCount>(
      "cannot count dossiers by day",
      "SELECT substr(created_at, 1, 10) AS day, status, COUNT(*) AS n FROM dossiers "
      "WHERE created_at >= ? GROUP BY substr(created_at, 1, 10), status ORDER BY day",
      [&](Statement& st) { st, bind(since); },
      [](RecordSet& rs) {
        return DayCount{Get(rs, "day"), Get(rs, "status"), GetNum<int>(rs, "n")};
      });
}

Result<std::vector<std::pair<std::string, int>>> Registry::TopFlags(int n) {
  return impl_->Select<std::pair<std::string, int>>(
      "cannot count flags", "SELECT code, COUNT(*) AS n FROM flags GROUP BY code ORDER BY n DESC, code LIMIT ?",
      [&](Statement& st) { st, bind(n); },
      [](RecordSet& rs) { return std::pair<std::string, int>(Get(rs, "code"), GetNum<int>(rs, "n")); });
}

Status Registry::RecordBatch(const BatchRun& run) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  try {
    const std::string at = run.finished_at.empty() ? NowUtc() : run.finished_at;
    WithReconnect(*impl_->db, [&] {
      impl_->session() << impl_->Sql(
          "INSERT INTO batches(finished_at, command, dossiers, pages, seconds) VALUES(?, ?, ?, ?, ?)"),
          bind(at), bind(run.command), bind(run.dossiers), bind(run.pages), bind(run.seconds), now;
    });
  } catch (const Poco::Exception& e) { return RegistryError("cannot record the batch", e); }
  return Status::Ok();
}

Result<std::vector<Registry::BatchRun>> Registry::RecentBatches(int n) {
  return impl_->Select<BatchRun>(
      "cannot read the batches",
      "SELECT finished_at, command, dossiers, pages, seconds FROM batches ORDER BY id DESC LIMIT ?",
      [&](Statement& st) { st, bind(n); },
      [](RecordSet& rs) {
        return BatchRun{Get(rs, "finished_at"), Get(rs, "command"), GetNum<int>(rs, "dossiers"),
                        GetNum<int>(rs, "pages"), GetNum<double>(rs, "seconds")};
      });
}

}  // namespace hoso
