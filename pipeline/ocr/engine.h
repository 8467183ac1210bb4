// The Tesseract adapter. One OcrEngine per worker thread, created once and
// reused for every page that thread reads; never shared between threads.
// Tesseract and Leptonica types stay inside engine.cpp: callers get hoso's
// own OcrPage. Engines also write a document's searchable PDF, hOCR and
// ALTO XML (OcrDocumentOutputs), each adding the pages it reads.
#pragma once

#include <memory>
#include <string>

#include <opencv2/core.hpp>

#include "cleanup/cleanup.h"
#include "core/ocr_page.h"
#include "core/status.h"

namespace hoso {

struct OcrOptions {
  // Tesseract language models, '+'-separated, in priority order. Vietnamese
  // alone: its model reads the Latin letters of English labels too
  // ("Date of birth"), while with eng beside it Tesseract takes whole lines
  // of Vietnamese for English and drops their marks ("bản 1, xã Minh Sơn" →
  // "ban 1, xa Minh Son"). On a generated set (seed 81818) vie+eng read
  // 0.59% of characters wrong on damaged pages and 0.46% on clean ones;
  // vie alone 0.33% and 0.11%. Scripts written right to left (Arabic,
  // Hebrew, ...) are refused: hoso takes a line's words in the order
  // Tesseract stores them, which is their reading order only left to right.
  std::string languages = "vie";
  // Folder holding the .traineddata files; empty means Tesseract's default
  // (TESSDATA_PREFIX or the compiled-in path).
  std::string tessdata_dir;
  // Tesseract page segmentation mode, or kAutoSegmentation: 4 (one column
  // of lines of any size: forms, letters), or 3 (fully automatic, finds
  // columns) on a page whose text is in columns (see ocr/layout.h).
  static constexpr int kAutoSegmentation = -1;
  int page_seg_mode = kAutoSegmentation;
  // A page Tesseract has not read in this time is given up (OCR_TIMEOUT):
  // one pathological page must not stall a worker. 0: no limit.
  int page_seconds = 120;
  Status Validate() const;
};

// Which files a document's outputs are, each as base + extension.
struct OcrOutputs {
  bool pdf = true;   // .pdf: searchable PDF (page image + invisible text)
  bool hocr = true;  // .hocr
  bool alto = true;  // .xml (ALTO)
};

// The searchable PDF, hOCR and ALTO XML of one document, written as its
// pages are read: by any engines, on any threads, in any order. A page
// waits for the pages before it to be written, so the files keep the
// document's order. When a page cannot be read, Abandon() releases the
// pages waiting behind it (the caller then removes the files).
class OcrDocumentOutputs {
 public:
  ~OcrDocumentOutputs();
  OcrDocumentOutputs(const OcrDocumentOutputs&) = delete;
  OcrDocumentOutputs& operator=(const OcrDocumentOutputs&) = delete;
  // After the last page: finishes the files.
  Status End();
  // Nothing more is written; pages waiting for their turn return at once.
  void Abandon();

 private:
  friend class OcrEngine;
  struct Impl;
  explicit OcrDocumentOutputs(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Where ReadPage writes the page it reads: page `page` (from 0) of `doc`.
struct OcrPageOutput {
  OcrDocumentOutputs* doc = nullptr;
  int page = 0;
};

class OcrEngine : public OrientationJudge {
 public:
  // Starts Tesseract with the options' languages; OCR_FAILED when a model is
  // missing. Call once per thread.
  static Result<std::unique_ptr<OcrEngine>> Create(const OcrOptions& options);
  ~OcrEngine() override;
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // Reads one upright 8-bit grey page at the given resolution. A page known
  // to be blank is not read (an empty OcrPage comes back) but still goes to
  // the document's outputs, when given, so they keep every page. A page read
  // with a mean confidence below `check_upside_down_below` is read again
  // turned over, and the surer reading kept (OcrPage::turned_over says
  // which); 0 never.
  Result<OcrPage> ReadPage(const cv::Mat& gray, int dpi, bool blank = false, double check_upside_down_below = 0,
                           OcrPageOutput output = {});

  // Opens a document's outputs (base path without extension, e.g.
  // out/dossier1), for pages any engine reads; none when `which` is empty.
  Result<std::unique_ptr<OcrDocumentOutputs>> BeginOutputs(const std::string& base, const std::string& title,
                                                           const OcrOutputs& which);

  // Tesseract's orientation and script detection (the osd model, loaded on
  // first use), on the page reduced to ~150 dpi: which clockwise turn makes
  // it upright. Confidence is Tesseract's (15 is "reasonably confident")
  // mapped to 0..1 by dividing by 15.
  std::optional<OrientationEstimate> JudgeOrientation(const cv::Mat& gray, int dpi) override;

  // "tesseract 5.3.0 vie+eng": recorded with results.
  std::string Describe() const;

 private:
  struct Impl;
  explicit OcrEngine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Tesseract's OpenMP threads must be off: hoso runs one page per core, which
// is faster than several threads fighting over one page. libgomp reads
// OMP_THREAD_LIMIT when it is loaded, before main(), so an entry point calls
// this first: when the variable is unset it sets it to 1 and re-executes
// the program (argv unchanged); otherwise it returns at once.
void ReexecWithoutOcrThreads(char** argv);

}  // namespace hoso
