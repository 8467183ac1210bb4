#include "ocr/engine.h"
#include "ocr/layout.h"
#include "ocr/line_images.h"
#include "ocr/noise_lines.h"
#include "ingest/pix.h"

#include <leptonica/allheaders.h>
#include <opencv2/imgproc.hpp>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/renderer.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <unistd.h>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace hoso {
namespace {

Box ToBox(int l, int t, int r, int b) { return Box{l, t, r - l, b - t}; }

}  // namespace

void ReexecWithoutOcrThreads(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv("/proc/self/exe", argv);
  // exec failed (no /proc): carry on; OCR is slower but correct.
}

Status OcrOptions::Validate() const {
  if (languages.empty()) return Status::Error(ErrorCode::kInvalidArgument, "no OCR language given");
  // Tesseract's models of scripts written right to left (see Collect).
  static const std::set<std::string> kRightToLeft = {
      "ara", "heb", "fas",     "urd",           "pus",           "snd",           "uig",          "yid",
      "syr", "div", "kur_ara", "script/Arabic", "script/Hebrew", "script/Syriac", "script/Thaana"};
  std::stringstream list(languages);
  for (std::string one; std::getline(list, one, '+');)
    if (kRightToLeft.count(one))
      return Status::Error(ErrorCode::kInvalidArgument,
                           "'" + one + "' is written right to left; hoso reads scripts written left to right");
  if (page_seg_mode != kAutoSegmentation && (page_seg_mode < 0 || page_seg_mode > 13))
    return Status::Error(ErrorCode::kInvalidArgument, "page_seg_mode must be 0..13 (or automatic)");
  if (page_seconds < 0 || page_seconds > 86400)
    return Status::Error(ErrorCode::kInvalidArgument, "page_seconds must be 0..86400");
  return Status::Ok();
}

struct OcrEngine::Impl {
  tesseract::TessBaseAPI api;
  std::unique_ptr<tesseract::TessBaseAPI> osd;  // loaded on first JudgeOrientation
  bool osd_failed = false;
  OcrOptions options;
};

struct OcrDocumentOutputs::Impl {
  std::mutex mutex;
  std::condition_variable turn;
  int next_page = 0;                                         // the page to be written next
  bool closed = false;                                       // ended or abandoned
  std::unique_ptr<tesseract::TessResultRenderer> renderers;  // chain

  // Writes what `api` recognised last as page `page`, once every page before
  // it is written. False when the renderers fail; true (nothing written)
  // when the outputs were abandoned meanwhile.
  bool Add(int page, tesseract::TessBaseAPI& api) {
    std::unique_lock<std::mutex> lock(mutex);
    turn.wait(lock, [&] { return closed || next_page == page; });
    if (closed) return true;
    const bool ok = renderers->AddImage(&api);
    ++next_page;
    turn.notify_all();
    return ok;
  }
};

OcrDocumentOutputs::OcrDocumentOutputs(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
OcrDocumentOutputs::~OcrDocumentOutputs() { Abandon(); }

Status OcrDocumentOutputs::End() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  if (impl_->closed) return Status::Error(ErrorCode::kInternal, "the OCR outputs were abandoned");
  impl_->closed = true;
  const bool ok = impl_->renderers->EndDocument();
  impl_->renderers.reset();
  impl_->turn.notify_all();
  return ok ? Status::Ok() : Status::Error(ErrorCode::kOcrFailed, "could not finish the OCR outputs");
}

void OcrDocumentOutputs::Abandon() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  if (impl_->closed) return;
  impl_->closed = true;
  impl_->renderers.reset();  // closes the files; the caller removes them
  impl_->turn.notify_all();
}

OcrEngine::OcrEngine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
OcrEngine::~OcrEngine() = default;

Result<std::unique_ptr<OcrEngine>> OcrEngine::Create(const OcrOptions& options) {
  if (Status s = options.Validate(); !s.ok()) return s;
  QuietLeptonica();  // its complaints under Tesseract's layout, too
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  const char* datapath = options.tessdata_dir.empty() ? nullptr : options.tessdata_dir.c_str();
  if (impl->api.Init(datapath, options.languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0)
    return Status::Error(ErrorCode::kOcrFailed, "Tesseract could not load the language models '" + options.languages +
                                                    "' (is tesseract-ocr-vie installed?)");
  impl->api.SetVariable("debug_file", "/dev/null");
  // Tesseract's layout step tests every line for typewriter spacing (a
  // dynamic programme over the line's cuts: 2.4% of hoso's work on the
  // real Kodak letter), so that its old classifier can cut fixed-pitch
  // words letter by letter. The LSTM model that reads here takes a line
  // whole and finds its own spaces. Without the test, records are the same
  // on the generated sets and the real scans; on 40 real till receipts,
  // whose type is fixed-pitch, four words changed (CER 42.41% -> 42.39%).
  impl->api.SetVariable("textord_disable_pitch_test", "1");
  return std::unique_ptr<OcrEngine>(new OcrEngine(std::move(impl)));
}

namespace {

// What the API recognised last, as hoso's OcrPage (text, blocks, lines,
// words with boxes and confidences), in one walk over the words. The page's
// text is Tesseract's own (TessBaseAPI::GetUTF8Text: a line's words joined
// by spaces, a newline after each line and another after each paragraph
// but the page's last, image and rule blocks left out), built from the
// same words. Tesseract's ResultIterator puts each line in its reading
// order, for scripts written right to left, and works that order out again
// at every word it is asked about: a sixth of what hoso spent on a page
// beside Tesseract's reading. hoso reads scripts written left to right, in which that order
// is the order the words are stored in, so the walk uses the plain
// iterator's steps (the PageIterator's and LTRResultIterator's);
// OcrOptions::Validate refuses languages written right to left.
OcrPage Collect(tesseract::TessBaseAPI& api, int width, int height) {
  using tesseract::LTRResultIterator;
  using tesseract::PageIterator;
  OcrPage page;
  page.width = width;
  page.height = height;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  double conf_sum = 0;
  int words = 0;
  bool line_open = false;  // in the text: a line begun, not yet ended
  auto end_line = [&](bool paragraph_ends) {
    if (!line_open) return;
    page.text += '\n';
    if (paragraph_ends) page.text += '\n';
    line_open = false;
  };
  if (it && !it->PageIterator::Empty(tesseract::RIL_WORD)) {
    do {
      int l, t, r, b;
      // (At an image block, with no word, each is true.)
      const bool block_starts = it->PageIterator::IsAtBeginningOf(tesseract::RIL_BLOCK);
      const bool line_starts = it->PageIterator::IsAtBeginningOf(tesseract::RIL_TEXTLINE);
      if (line_starts) end_line(it->PageIterator::IsAtBeginningOf(tesseract::RIL_PARA));
      std::unique_ptr<char[]> utf8(it->LTRResultIterator::GetUTF8Text(tesseract::RIL_WORD));
      const auto type = it->BlockType();
      if (utf8 && type != tesseract::PT_FLOWING_IMAGE && type != tesseract::PT_HEADING_IMAGE &&
          type != tesseract::PT_PULLOUT_IMAGE && type != tesseract::PT_HORZ_LINE && type != tesseract::PT_VERT_LINE) {
        if (line_open) page.text += ' ';
        page.text += utf8.get();
        line_open = true;
      }
      if (block_starts || page.blocks.empty()) {
        OcrBlock block;
        if (it->BoundingBox(tesseract::RIL_BLOCK, &l, &t, &r, &b)) block.box = ToBox(l, t, r, b);
        page.blocks.push_back(std::move(block));
      }
      auto& block = page.blocks.back();
      if (line_starts || block.lines.empty()) {
        OcrLine line;
        if (it->BoundingBox(tesseract::RIL_TEXTLINE, &l, &t, &r, &b)) line.box = ToBox(l, t, r, b);
        block.lines.push_back(std::move(line));
      }
      OcrWord word;
      if (utf8) word.text = utf8.get();
      if (word.text.empty()) continue;
      word.confidence = std::clamp(it->LTRResultIterator::Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
      if (it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b)) word.box = ToBox(l, t, r, b);
      conf_sum += word.confidence;
      ++words;
      block.lines.back().words.push_back(std::move(word));
    } while (it->PageIterator::Next(tesseract::RIL_WORD));
  }
  end_line(false);  // the page's last paragraph has no blank line after it
  page.mean_confidence = words ? conf_sum / words : 0;
  return page;
}

// TessBaseAPI::Recognize, with Tesseract's line images kept as they lie
// (ocr/line_images.h).
int RecognisePlain(tesseract::TessBaseAPI& api, tesseract::ETEXT_DESC& monitor) {
  PlainLineImages plain;
  return api.Recognize(&monitor);
}

// Reads again, each on its own, the blocks where Tesseract's page layout
// read nothing (see UnreadBlocks), and adds the lines it is sure of.
void ReadSetAside(tesseract::TessBaseAPI& api, const OcrOptions& options, OcrPage& page,
                  const std::vector<TextBlock>& blocks, Pix* image, int dpi) {
  const auto unread = UnreadBlocks(page, blocks, dpi);
  if (unread.empty()) return;
  api.SetImage(image);
  api.SetSourceResolution(dpi);
  const auto mode = api.GetPageSegMode();
  api.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
  OcrBlock found;
  for (size_t n = 0; n < unread.size() && n < 16; ++n) {
    const cv::Rect& r = blocks[unread[n]].box;
    api.SetRectangle(r.x, r.y, r.width, r.height);
    tesseract::ETEXT_DESC monitor;
    if (options.page_seconds > 0) monitor.set_deadline_msecs(options.page_seconds * 1000);
    if (RecognisePlain(api, monitor) != 0 || monitor.deadline_exceeded()) break;
    OcrPage part = Collect(api, page.width, page.height);
    for (OcrBlock& block : part.blocks)
      for (OcrLine& line : block.lines) {
        // A stamp's rim read at either end of the line is not part of it.
        while (!line.words.empty() && line.words.back().confidence < 0.6) line.words.pop_back();
        while (!line.words.empty() && line.words.front().confidence < 0.6) line.words.erase(line.words.begin());
        if (IsSureLine(line)) {
          line.box = {};
          for (const OcrWord& w : line.words) line.box = Union(line.box, w.box);
          found.lines.push_back(std::move(line));
        }
      }
  }
  api.SetPageSegMode(mode);
  if (found.lines.empty()) return;
  // Their place in the reading order is settled by OrderByBlocks.
  for (const OcrLine& line : found.lines) found.box = Union(found.box, line.box);
  page.blocks.push_back(std::move(found));
}

}  // namespace

Result<OcrPage> OcrEngine::ReadPage(const cv::Mat& gray, int dpi, bool blank, double check_upside_down_below,
                                    OcrPageOutput output) {
  if (gray.empty() || gray.type() != CV_8UC1)
    return Status::Error(ErrorCode::kInvalidArgument, "ReadPage needs an 8-bit grey image");
  auto& api = impl_->api;
  OcrPage page;
  page.width = gray.cols;
  page.height = gray.rows;
  OcrDocumentOutputs::Impl* outputs = output.doc ? output.doc->impl_.get() : nullptr;
  if (blank && !outputs) return page;

  PixPtr pix = IsTwoLevel(gray) ? MatToBinaryPix(gray, dpi) : MatToPix(gray, dpi);
  if (!pix) return Status::Error(ErrorCode::kOcrFailed, "out of memory for the page image");
  int mode = impl_->options.page_seg_mode;
  if (mode == OcrOptions::kAutoSegmentation)
    mode = blank                              ? tesseract::PSM_SINGLE_COLUMN
           : FindColumns(gray, dpi).columns() ? tesseract::PSM_AUTO
                                              : tesseract::PSM_SINGLE_COLUMN;
  api.SetPageSegMode(static_cast<tesseract::PageSegMode>(mode));
  auto recognise = [&](Pix* image, Pix* shown) -> Status {
    api.SetImage(image);
    api.SetSourceResolution(dpi);
    api.SetInputImage(pixClone(shown));  // what the PDF shows
    tesseract::ETEXT_DESC monitor;
    if (impl_->options.page_seconds > 0) monitor.set_deadline_msecs(impl_->options.page_seconds * 1000);
    const int rc = RecognisePlain(api, monitor);
    if (monitor.deadline_exceeded()) {
      api.Clear();
      return Status::Error(ErrorCode::kOcrTimeout, "Tesseract did not read the page within " +
                                                       std::to_string(impl_->options.page_seconds) + " s");
    }
    if (rc != 0) {
      api.Clear();
      return Status::Error(ErrorCode::kOcrFailed, "Tesseract failed to recognise the page");
    }
    return Status::Ok();
  };
  if (blank) {
    // Keep the page in the outputs with its image but no text: recognise a
    // white page of the same size, which costs nothing.
    PixPtr white(pixCreate(gray.cols, gray.rows, 8));
    pixSetAllArbitrary(white.get(), 255);
    pixSetResolution(white.get(), dpi, dpi);
    if (Status s = recognise(white.get(), pix.get()); !s.ok()) return s;
    const bool ok = outputs->Add(output.page, api);
    api.Clear();
    if (!ok) return Status::Error(ErrorCode::kOcrFailed, "could not write the page to the OCR outputs");
    return page;
  }
  if (Status s = recognise(pix.get(), pix.get()); !s.ok()) return s;
  page = Collect(api, gray.cols, gray.rows);
  DropNoiseLines(page);
  PixPtr turned;
  if (page.mean_confidence < check_upside_down_below) {
    // Read poorly: perhaps upside down after all. Read it turned over, and
    // keep the reading Tesseract is surer of.
    turned.reset(pixRotate180(nullptr, pix.get()));
    if (turned && recognise(turned.get(), turned.get()).ok()) {
      OcrPage other = Collect(api, gray.cols, gray.rows);
      DropNoiseLines(other);
      if (other.mean_confidence > page.mean_confidence + 0.05) {
        page = std::move(other);
        page.turned_over = true;
      } else if (outputs) {  // the outputs need the first reading back
        if (Status s = recognise(pix.get(), pix.get()); !s.ok()) return s;
      }
    }
  }
  if (outputs && !outputs->Add(output.page, api)) {
    api.Clear();
    return Status::Error(ErrorCode::kOcrFailed, "could not write the page to the OCR outputs");
  }
  if (mode == tesseract::PSM_SINGLE_COLUMN) {
    cv::Mat read = gray;
    if (page.turned_over) cv::rotate(gray, read, cv::ROTATE_180);
    const auto blocks = ReadingBlocks(read, dpi);
    ReadSetAside(api, impl_->options, page, blocks, page.turned_over ? turned.get() : pix.get(), dpi);
    // One line read across a gutter is two lines of two blocks; each piece
    // is judged again on its own (a stamp's smudge read beside a list's line).
    if (OrderByBlocks(page, blocks)) DropNoiseLines(page);
    if (SplitAtLeftEdges(page, dpi)) DropNoiseLines(page);
  }
  api.Clear();
  return page;
}

Result<std::unique_ptr<OcrDocumentOutputs>> OcrEngine::BeginOutputs(const std::string& base, const std::string& title,
                                                                    const OcrOutputs& which) {
  std::vector<std::unique_ptr<tesseract::TessResultRenderer>> chain;
  if (which.pdf) chain.emplace_back(new tesseract::TessPDFRenderer(base.c_str(), impl_->api.GetDatapath(), false));
  if (which.hocr) chain.emplace_back(new tesseract::TessHOcrRenderer(base.c_str()));
  if (which.alto) chain.emplace_back(new tesseract::TessAltoRenderer(base.c_str()));
  if (chain.empty()) return std::unique_ptr<OcrDocumentOutputs>();
  for (auto& r : chain)
    if (!r->happy()) return Status::Error(ErrorCode::kOcrFailed, "cannot write OCR outputs at " + base);
  // The first renderer owns the rest of the chain.
  for (size_t i = 1; i < chain.size(); ++i) chain[0]->insert(chain[i].release());
  if (!chain[0]->BeginDocument(title.c_str()))
    return Status::Error(ErrorCode::kOcrFailed, "cannot start OCR outputs at " + base);
  auto impl = std::make_unique<OcrDocumentOutputs::Impl>();
  impl->renderers = std::move(chain[0]);
  return std::unique_ptr<OcrDocumentOutputs>(new OcrDocumentOutputs(std::move(impl)));
}

std::optional<OrientationEstimate> OcrEngine::JudgeOrientation(const cv::Mat& gray, int dpi) {
  if (gray.empty() || gray.type() != CV_8UC1 || impl_->osd_failed) return std::nullopt;
  if (!impl_->osd) {
    impl_->osd = std::make_unique<tesseract::TessBaseAPI>();
    const char* datapath = impl_->options.tessdata_dir.empty() ? nullptr : impl_->options.tessdata_dir.c_str();
    if (impl_->osd->Init(datapath, "osd", tesseract::OEM_TESSERACT_ONLY) != 0) {
      impl_->osd.reset();
      impl_->osd_failed = true;  // no osd model: the ink alone decides
      return std::nullopt;
    }
    impl_->osd->SetPageSegMode(tesseract::PSM_OSD_ONLY);
    impl_->osd->SetVariable("debug_file", "/dev/null");
  }
  // OSD needs no more than ~150 dpi, and is four times faster there.
  cv::Mat small = gray;
  int used_dpi = dpi;
  if (dpi > 200) {
    const double s = 150.0 / dpi;
    cv::resize(gray, small, cv::Size(), s, s, cv::INTER_AREA);
    used_dpi = 150;
  }
  PixPtr pix = MatToPix(small, used_dpi);
  impl_->osd->SetImage(pix.get());
  impl_->osd->SetSourceResolution(used_dpi);
  int orient_deg = 0;
  float orient_conf = 0, script_conf = 0;
  const char* script = nullptr;
  const bool ok = impl_->osd->DetectOrientationScript(&orient_deg, &orient_conf, &script, &script_conf);
  impl_->osd->Clear();
  if (!ok) return std::nullopt;
  // orient_deg is how far the image was turned clockwise; turning it back
  // clockwise takes the rest of the circle.
  OrientationEstimate est;
  est.rotation = (360 - orient_deg) % 360;
  est.confidence = std::clamp(orient_conf / 15.0, 0.0, 1.0);
  return est;
}

std::string OcrEngine::Describe() const {
  return std::string("tesseract ") + tesseract::TessBaseAPI::Version() + " " + impl_->options.languages;
}

}  // namespace hoso
