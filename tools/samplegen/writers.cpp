#include "writers.h"

#include <leptonica/allheaders.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>

#include "ingest/pix.h"

namespace samplegen {
namespace {

using hoso::MatToPix;
using hoso::PixPtr;

// One page's image in a PDF: its dictionary's entries past the size, and
// its encoded bytes.
struct PdfImage {
  std::string dict;
  std::vector<uchar> data;
};

PdfImage Jpeg(const OutPage& p, int quality) {
  PdfImage im;
  cv::imencode(".jpg", p.image, im.data, {cv::IMWRITE_JPEG_QUALITY, quality});
  im.dict = std::string(" /ColorSpace ") + (p.image.channels() == 1 ? "/DeviceGray" : "/DeviceRGB") +
            " /BitsPerComponent 8 /Filter /DCTDecode";
  return im;
}

// The page thresholded to 1 bit at 128, as Leptonica does for the TIFF.
PixPtr Bits(const OutPage& p) {
  cv::Mat g = p.image;
  if (g.channels() != 1) cv::cvtColor(g, g, cv::COLOR_BGR2GRAY);
  PixPtr grey = MatToPix(g, p.dpi);
  PixPtr bits(pixThresholdToBinary(grey.get(), 128));
  if (bits) pixSetResolution(bits.get(), p.dpi, p.dpi);
  return bits;
}

// 1-bit grey, CCITT G4 (K -1), black as 0: a document scanner's page.
std::optional<PdfImage> G4(const OutPage& p) {
  PixPtr bits = Bits(p);
  if (!bits) return std::nullopt;
  L_COMP_DATA* cid = nullptr;
  if (pixGenerateCIData(bits.get(), L_G4_ENCODE, 0, 0, &cid) != 0 || !cid) return std::nullopt;
  PdfImage im;
  im.data.assign(cid->datacomp, cid->datacomp + cid->nbytescomp);
  im.dict = " /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns " +
            std::to_string(cid->w) + " /Rows " + std::to_string(cid->h) + (cid->minisblack ? " /BlackIs1 true" : "") +
            " >>";
  l_CIDataDestroy(&cid);
  return im;
}

bool WritePdf(const std::string& path, const std::vector<OutPage>& pages,
              const std::function<std::optional<PdfImage>(const OutPage&)>& encode) {
  std::ostringstream pdf;
  std::vector<size_t> offsets;
  pdf << "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  auto begin_obj = [&](int n) {
    if (static_cast<int>(offsets.size()) < n) offsets.resize(n);
    offsets[n - 1] = pdf.tellp();
    pdf << n << " 0 obj\n";
  };
  const int n = static_cast<int>(pages.size());
  // 1 catalog, 2 pages, then per page: page, content, image.
  begin_obj(1);
  pdf << "<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
  begin_obj(2);
  pdf << "<< /Type /Pages /Count " << n << " /Kids [";
  for (int i = 0; i < n; ++i) pdf << ' ' << 3 + 3 * i << " 0 R";
  pdf << " ] >>\nendobj\n";
  for (int i = 0; i < n; ++i) {
    const auto& p = pages[i];
    const std::optional<PdfImage> image = encode(p);
    if (!image) return false;
    // Without a resolution (a phone app's PDF), the image fills an A4 width.
    const double pt_per_px = p.dpi > 0 ? 72.0 / p.dpi : 595.0 / p.image.cols;
    const double w = p.image.cols * pt_per_px, h = p.image.rows * pt_per_px;
    const int page_obj = 3 + 3 * i, content_obj = page_obj + 1, image_obj = page_obj + 2;
    char box[128];
    std::snprintf(box, sizeof box, "[0 0 %.2f %.2f]", w, h);
    begin_obj(page_obj);
    pdf << "<< /Type /Page /Parent 2 0 R /MediaBox " << box << " /Contents " << content_obj
        << " 0 R /Resources << /XObject << /Im0 " << image_obj << " 0 R >> >> >>\nendobj\n";
    char content[128];
    std::snprintf(content, sizeof content, "q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", w, h);
    begin_obj(content_obj);
    pdf << "<< /Length " << std::strlen(content) << " >>\nstream\n" << content << "\nendstream\nendobj\n";
    begin_obj(image_obj);
    pdf << "<< /Type /XObject /Subtype /Image /Width " << p.image.cols << " /Height " << p.image.rows << image->dict
        << " /Length " << image->data.size() << " >>\nstream\n";
    pdf.write(reinterpret_cast<const char*>(image->data.data()), static_cast<std::streamsize>(image->data.size()));
    pdf << "\nendstream\nendobj\n";
  }
  const size_t xref = pdf.tellp();
  pdf << "xref\n0 " << offsets.size() + 1 << "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf << line;
  }
  pdf << "trailer\n<< /Size " << offsets.size() + 1 << " /Root 1 0 R >>\nstartxref\n" << xref << "\n%%EOF\n";
  std::ofstream out(path, std::ios::binary);
  out << pdf.str();
  return static_cast<bool>(out);
}

}  // namespace

// Bi-level pages, CCITT G4: a multi-page TIFF (Leptonica) or a PDF, as a
// scanner writes it or as stencil masks (Leptonica).
bool WriteBilevel(const std::string& path, const std::string& format, const std::vector<OutPage>& pages,
                  BilevelPdf bilevel_pdf) {
  if (format == "pdf" && bilevel_pdf == BilevelPdf::kScannerImage) return WritePdf(path, pages, G4);
  std::unique_ptr<PIXA, void (*)(PIXA*)> pixa(pixaCreate(0), [](PIXA* a) { pixaDestroy(&a); });
  for (size_t i = 0; i < pages.size(); ++i) {
    PixPtr bits = Bits(pages[i]);
    if (!bits) return false;
    if (format == "tiff") {
      if (pixWriteTiff(path.c_str(), bits.get(), IFF_TIFF_G4, i == 0 ? "w" : "a") != 0) return false;
    } else {
      pixaAddPix(pixa.get(), bits.release(), L_INSERT);
    }
  }
  if (format == "tiff") return true;
  l_uint8* data = nullptr;
  size_t n = 0;
  if (pixaConvertToPdfData(pixa.get(), pages[0].dpi, 1.0, L_G4_ENCODE, 0, nullptr, &data, &n) != 0) return false;
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(n));
  lept_free(data);
  return static_cast<bool>(out);
}

bool WritePages(const std::string& path, const std::string& format, const std::vector<OutPage>& pages, int jpeg_quality,
                BilevelPdf bilevel_pdf) {
  if (pages.empty()) return false;
  if (pages[0].bilevel && (format == "tiff" || format == "pdf")) return WriteBilevel(path, format, pages, bilevel_pdf);
  if (format == "pdf")
    return WritePdf(path, pages, [&](const OutPage& p) -> std::optional<PdfImage> { return Jpeg(p, jpeg_quality); });
  if (format == "tiff") {
    for (size_t i = 0; i < pages.size(); ++i) {
      PixPtr pix = MatToPix(pages[i].image, pages[i].dpi);
      // JPEG-in-TIFF, as document scanners write colour and grey pages.
      l_jpegSetQuality(jpeg_quality);
      if (pixWriteTiff(path.c_str(), pix.get(), IFF_TIFF_JPEG, i == 0 ? "w" : "a") != 0) return false;
    }
    return true;
  }
  if (pages.size() != 1) return false;
  PixPtr pix = MatToPix(pages[0].image, pages[0].dpi);
  if (format == "png") return pixWrite(path.c_str(), pix.get(), IFF_PNG) == 0;
  if (format == "jpeg") return pixWriteJpeg(path.c_str(), pix.get(), jpeg_quality, 0) == 0;
  return false;
}

}  // namespace samplegen
