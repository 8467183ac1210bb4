// The review station's dashboard: dossiers by day and status, the commonest
// flags, and the recent batches with their speed.
#include "registry/registry.h"

#include <algorithm>
#include <cstdio>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>

#include "core/vietnam_time.h"
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

Result<std::vector<Registry::IntakeStats>> Registry::CompareIntakePoints(int days) {
  const std::string since =
      Poco::DateTimeFormatter::format(Poco::DateTime() - Poco::Timespan(days, 0, 0, 0, 0), "%Y-%m-%dT%H:%M:%SZ");
  std::map<std::string, IntakeStats> points;
  std::map<std::string, std::vector<double>> hours;
  std::lock_guard<std::mutex> lock(impl_->mutex);
  try {
    WithReconnect(*impl_->db, [&] {
      points.clear();
      hours.clear();
      Session& s = impl_->session();
      const Connection& db = *impl_->db;
      // By the hour in SQL (both databases cut text alike); the hours go to
      // Vietnam's days here.
      ForEachRow(
          s, db,
          "SELECT intake_point, substr(created_at, 1, 13) AS h, COUNT(*) AS n FROM dossiers "
          "WHERE created_at >= ? GROUP BY intake_point, substr(created_at, 1, 13)",
          [&](Statement& st) { st, bind(since); },
          [&](RecordSet& rs) {
            IntakeStats& p = points[Get(rs, "intake_point")];
            if (auto t = ParseUtc(Get(rs, "h"))) p.received[VietnamDay(*t)] += GetNum<int>(rs, "n");
          });
      ForEachRow(s, db,
                 "SELECT intake_point, COUNT(*) AS n FROM dossiers WHERE status = 'needs_review' GROUP BY intake_point",
                 nullptr, [&](RecordSet& rs) { points[Get(rs, "intake_point")].waiting = GetNum<int>(rs, "n"); });
      ForEachRow(
          s, db,
          "SELECT intake_point, created_at, decided_at FROM dossiers WHERE decided_at IS NOT NULL AND "
          "decided_at >= ?",
          [&](Statement& st) { st, bind(since); },
          [&](RecordSet& rs) {
            auto from = ParseUtc(Get(rs, "created_at")), to = ParseUtc(Get(rs, "decided_at"));
            if (from && to && *to >= *from)
              hours[Get(rs, "intake_point")].push_back(static_cast<double>((*to - *from).totalSeconds()) / 3600);
          });
    });
  } catch (const Poco::Exception& e) { return RegistryError("cannot compare the intake points", e); }
  for (const auto& [name, _] : hours) points[name];
  std::vector<IntakeStats> out;
  for (auto& [name, p] : points) {
    p.intake_point = name;
    if (auto it = hours.find(name); it != hours.end()) {
      std::vector<double>& h = it->second;
      std::sort(h.begin(), h.end());
      p.decided = static_cast<int>(h.size());
      p.median_review_hours = h.size() % 2 ? h[h.size() / 2] : (h[h.size() / 2 - 1] + h[h.size() / 2]) / 2;
    }
    out.push_back(std::move(p));
  }
  return out;
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
