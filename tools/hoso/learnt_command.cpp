#include "learnt_command.h"

#include <fstream>
#include <iostream>

#include "cli/args.h"
#include "exit_codes.h"
#include "extract/learnt.h"
#include "registry/registry.h"

namespace hoso::cli {

int RunLearnt(const std::vector<std::string>& argv) {
  Args args(argv, {"--db", "--out"}, {"--help", "-h"});
  const auto& pos = args.positional();
  const bool ok = !pos.empty() && ((pos[0] == "list" && pos.size() == 1) || (pos[0] == "export" && pos.size() == 1) ||
                                   (pos[0] == "forget" && pos.size() == 2));
  if (args.Flag("--help") || args.Flag("-h") || !ok) {
    std::cout << "Usage: hoso learnt list [--db URI]\n"
                 "       hoso learnt export [--db URI] [--out FILE]\n"
                 "       hoso learnt forget ID [--db URI]\n"
                 "\n"
                 "The labels learnt from reviewers' corrections: a printed label hoso did\n"
                 "not understand, and the field a reviewer filled with its value. Batches\n"
                 "use them from the registry; `export` writes them as a file for\n"
                 "models/doctypes/local/ (to carry them to another registry or a new\n"
                 "install); `forget` undoes one.\n\n";
    return args.Flag("--help") || args.Flag("-h") ? kExitOk : kExitUsage;
  }
  auto registry = Registry::Open(args.Value("--db").value_or("hoso.db"));
  if (!registry.ok()) return Fatal("hoso learnt", registry.status());
  if (pos[0] == "forget") {
    std::int64_t id = 0;
    try {
      id = std::stoll(pos[1]);
    } catch (...) { return UsageError("hoso learnt", "forget takes the learnt label's id (hoso learnt list)"); }
    const Status s = (*registry)->ForgetLabel(id, "hoso learnt");
    if (!s.ok()) return Fatal("hoso learnt", s);
    std::cout << "forgot learnt label " << id << "\n";
    return kExitOk;
  }
  auto learnt = (*registry)->LearntLabels();
  if (!learnt.ok()) return Fatal("hoso learnt", learnt.status());
  if (pos[0] == "list") {
    for (const auto& l : *learnt)
      std::cout << l.id << "\t" << l.label << "\t→ " << l.field << "\t(" << l.learnt_by << ", " << l.learnt_at
                << ", dossier " << l.dossier_id << ")\n";
    return kExitOk;
  }
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& l : *learnt) pairs.emplace_back(l.label, l.field);
  const std::string text = LearntLabelsJson(pairs);
  if (auto out = args.Value("--out")) {
    std::ofstream file(*out);
    if (!(file << text)) {
      std::cerr << "hoso learnt: cannot write " << *out << "\n";
      return kExitFatal;
    }
    std::cerr << "hoso learnt: " << pairs.size() << " labels written to " << *out << "\n";
  } else {
    std::cout << text;
  }
  return kExitOk;
}

}  // namespace hoso::cli
