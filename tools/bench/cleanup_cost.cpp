// cleanup_cost: what each cleanup step costs next to the OCR that follows,
// per page, on real files (a samplegen set or any scans), and what the
// whole of hoso's page costs next to bare Tesseract reading the page as it
// came (as the tesseract CLI does: its default layout analysis, at the
// file's resolution), timed page by page in one run so that a noisy
// machine weighs on both alike.
//   cleanup_cost FILE...
// Prints per step the mean milliseconds per page, and cleanup / OCR.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "cleanup/cleanup.h"
#include "ingest/ingest.h"
#include "ingest/pix.h"
#include "ocr/engine.h"

#include <tesseract/baseapi.h>

using namespace hoso;

namespace {
// Forwards to the engine and keeps the time the judge takes apart.
class TimedJudge : public OrientationJudge {
 public:
  explicit TimedJudge(OrientationJudge& inner) : inner_(inner) {}
  std::optional<OrientationEstimate> JudgeOrientation(const cv::Mat& gray, int dpi) override {
    const auto t0 = std::chrono::steady_clock::now();
    auto r = inner_.JudgeOrientation(gray, dpi);
    ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    ++calls;
    return r;
  }
  double ms = 0;
  int calls = 0;

 private:
  OrientationJudge& inner_;
};
}  // namespace

int main(int argc, char** argv) {
  ReexecWithoutOcrThreads(argv);
  // Tesseract reads on one thread: OpenCV cleans on one too, so that the
  // ratio is the cost per core (a batch keeps every core busy with pages).
  cv::setNumThreads(1);
  if (argc < 2) {
    std::cerr << "usage: cleanup_cost FILE...\n";
    return 2;
  }
  auto engine = OcrEngine::Create({});
  if (!engine.ok()) {
    std::cerr << engine.status().ToString() << "\n";
    return 3;
  }
  // Warm the OSD model so its loading is not charged to the first page.
  (void)(*engine)->JudgeOrientation(cv::Mat(400, 400, CV_8UC1, cv::Scalar(255)), 300);
  using Clock = std::chrono::steady_clock;
  TimedJudge judge(**engine);
  std::map<std::string, double> step_ms;
  double decode_ms = 0, clean_ms = 0, ocr_ms = 0, bare_ms = 0, column_ms = 0, on_cleaned_ms = 0;
  int pages = 0;
  tesseract::TessBaseAPI bare;
  if (bare.Init(nullptr, "vie", tesseract::OEM_LSTM_ONLY) != 0) return 3;
  bare.SetVariable("debug_file", "/dev/null");
  for (int a = 1; a < argc; ++a) {
    std::ifstream in(argv[a], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto doc = OpenDocument(ss.str(), {});
    if (!doc.ok()) continue;
    for (int i = 0; i < (*doc)->page_count(); ++i) {
      const auto loading = Clock::now();
      auto page = (*doc)->LoadPage(i);
      if (!page.ok()) continue;
      const auto start = Clock::now();
      decode_ms += std::chrono::duration<double, std::milli>(start - loading).count();
      auto clean = Clean(*page, {}, &judge);
      const auto cleaned = Clock::now();
      if (!clean.ok()) continue;
      clean_ms += std::chrono::duration<double, std::milli>(cleaned - start).count();
      for (const StepTime& t : clean->times) step_ms[t.step] += t.ms;
      auto ocr = (*engine)->ReadPage(clean->gray, clean->dpi, clean->blank);
      const auto read = Clock::now();
      ocr_ms += std::chrono::duration<double, std::milli>(read - cleaned).count();
      // Bare Tesseract reading `image` in `mode`, its milliseconds.
      auto bare_read = [&](Pix* image, int dpi, tesseract::PageSegMode mode) {
        const auto t0 = Clock::now();
        bare.SetPageSegMode(mode);
        bare.SetImage(image);
        bare.SetSourceResolution(dpi);
        delete[] bare.GetUTF8Text();
        bare.Clear();
        return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      };
      // Bare Tesseract on the page as it came (grey, at its stated resolution).
      cv::Mat grey = page->image;
      if (grey.channels() == 3) cv::cvtColor(grey, grey, cv::COLOR_BGR2GRAY);
      PixPtr pix = MatToPix(grey, page->dpi);
      bare_ms += bare_read(pix.get(), page->dpi, tesseract::PSM_AUTO);
      // What hoso's choices cost Tesseract, each alone: the single column
      // (hoso's usual mode) on the page as it came, and Tesseract's own
      // layout on the cleaned page.
      column_ms += bare_read(pix.get(), page->dpi, tesseract::PSM_SINGLE_COLUMN);
      PixPtr cleaned_pix = MatToPix(clean->gray, clean->dpi);
      on_cleaned_ms += bare_read(cleaned_pix.get(), clean->dpi, tesseract::PSM_AUTO);
      ++pages;
    }
  }
  if (!pages) return 1;
  std::printf("%d pages\n", pages);
  for (const auto& [step, ms] : step_ms) std::printf("  %-18s %8.1f ms/page\n", step.c_str(), ms / pages);
  std::printf("  (judge asked on %d of %d pages)\n", judge.calls, pages);
  std::printf("cleanup %8.1f ms/page\nocr     %8.1f ms/page\ncleanup / ocr = %.1f%%\n", clean_ms / pages,
              ocr_ms / pages, 100 * clean_ms / ocr_ms);
  std::printf(
      "decode  %8.1f ms/page\nhoso's page (decode + cleanup + ocr) %8.1f ms; bare Tesseract on the scan %8.1f ms"
      " (x%.2f)\n",
      decode_ms / pages, (decode_ms + clean_ms + ocr_ms) / pages, bare_ms / pages,
      (decode_ms + clean_ms + ocr_ms) / bare_ms);
  std::printf(
      "bare Tesseract, one column (--psm 4) on the scan %8.1f ms; its own layout on the cleaned page %8.1f ms\n",
      column_ms / pages, on_cleaned_ms / pages);
  return 0;
}
