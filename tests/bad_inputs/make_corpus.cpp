// Writes the corpus of bad inputs hoso must refuse cleanly: each file, and
// manifest.tsv (file, the error code its record must carry, what it is).
// Deterministic: the same bytes every run.
//   make_corpus DIR
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <tiffio.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Corpus {
  fs::path dir;
  std::ofstream manifest;
  int kinds = 0;
  void Add(const std::string& name, const std::string& bytes, const std::string& code, const std::string& what) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    manifest << name << '\t' << code << '\t' << what << '\n';
    ++kinds;
  }
};

std::string Encode(const std::string& ext, const cv::Mat& m, std::vector<int> params = {}) {
  std::vector<uchar> buf;
  cv::imencode(ext, m, buf, params);
  return std::string(buf.begin(), buf.end());
}

cv::Mat Page(int w = 600, int h = 800) {
  cv::Mat m(h, w, CV_8UC3, cv::Scalar(255, 255, 255));
  cv::putText(m, "Ho so", cv::Point(50, 100), cv::FONT_HERSHEY_SIMPLEX, 2, cv::Scalar(0, 0, 0), 3);
  return m;
}

std::string Random(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(rng() & 0xFF);
  return s;
}

void Put32be(std::string& s, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>((v >> (24 - 8 * i)) & 0xFF);
}

// A PNG's IHDR claiming another size (its CRC made right again).
std::string PngClaiming(uint32_t w, uint32_t h) {
  std::string png = Encode(".png", Page(64, 64));
  Put32be(png, 16, w);
  Put32be(png, 20, h);
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 12; i < 29; ++i) {
    crc ^= static_cast<uint8_t>(png[i]);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  Put32be(png, 29, ~crc);
  return png;
}

// A JPEG whose frame header (SOF0) claims another size.
std::string JpegClaiming(uint16_t w, uint16_t h) {
  std::string jpg = Encode(".jpg", Page(64, 64));
  for (size_t i = 2; i + 9 < jpg.size(); ++i)
    if (static_cast<uint8_t>(jpg[i]) == 0xFF &&
        (static_cast<uint8_t>(jpg[i + 1]) == 0xC0 || static_cast<uint8_t>(jpg[i + 1]) == 0xC2)) {
      jpg[i + 5] = static_cast<char>(h >> 8);
      jpg[i + 6] = static_cast<char>(h & 0xFF);
      jpg[i + 7] = static_cast<char>(w >> 8);
      jpg[i + 8] = static_cast<char>(w & 0xFF);
      break;
    }
  return jpg;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A TIFF written by libtiff: `pages` pages of w x h (tiny strips), or with
// its tags claiming `claim_w` x `claim_h`.
std::string Tiff(const fs::path& tmp, int pages, uint32_t w, uint32_t h, uint16_t bits = 8, uint16_t spp = 1,
                 uint16_t photometric = PHOTOMETRIC_MINISBLACK) {
  TIFF* t = TIFFOpen(tmp.c_str(), "w");
  std::vector<uint8_t> row(static_cast<size_t>(w) * spp * (bits / 8), 0xFF);
  for (int p = 0; p < pages; ++p) {
    TIFFSetField(t, TIFFTAG_IMAGEWIDTH, w);
    TIFFSetField(t, TIFFTAG_IMAGELENGTH, h);
    TIFFSetField(t, TIFFTAG_BITSPERSAMPLE, bits);
    TIFFSetField(t, TIFFTAG_SAMPLESPERPIXEL, spp);
    TIFFSetField(t, TIFFTAG_PHOTOMETRIC, photometric);
    TIFFSetField(t, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(t, TIFFTAG_ROWSPERSTRIP, h);
    TIFFSetField(t, TIFFTAG_XRESOLUTION, 300.0);
    TIFFSetField(t, TIFFTAG_YRESOLUTION, 300.0);
    TIFFSetField(t, TIFFTAG_RESOLUTIONUNIT, RESUNIT_INCH);
    if (pages > 1) TIFFSetField(t, TIFFTAG_SUBFILETYPE, FILETYPE_PAGE);
    for (uint32_t y = 0; y < h; ++y) TIFFWriteScanline(t, row.data(), y, 0);
    TIFFWriteDirectory(t);
  }
  TIFFClose(t);
  std::string bytes = ReadAll(tmp);
  fs::remove(tmp);
  return bytes;
}

// A minimal PDF from page content streams (no images: not a scan).
std::string Pdf(const std::vector<std::string>& contents, const std::string& media_box = "0 0 595 842",
                const std::string& trailer_extra = "") {
  std::ostringstream pdf;
  std::vector<std::streamoff> offsets;
  auto obj = [&](const std::string& body) {
    offsets.push_back(pdf.tellp());
    pdf << offsets.size() << " 0 obj\n" << body << "\nendobj\n";
  };
  pdf << "%PDF-1.4\n";
  const size_t n = contents.size();
  obj("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (size_t i = 0; i < n; ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  obj("<< /Type /Pages /Count " + std::to_string(n) + " /Kids [" + kids + "] >>");
  obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (size_t i = 0; i < n; ++i) {
    obj("<< /Type /Page /Parent 2 0 R /MediaBox [" + media_box + "] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
        std::to_string(5 + 2 * i) + " 0 R >>");
    obj("<< /Length " + std::to_string(contents[i].size()) + " >>\nstream\n" + contents[i] + "\nendstream");
  }
  const auto xref = pdf.tellp();
  pdf << "xref\n0 " << offsets.size() + 1 << "\n0000000000 65535 f \n";
  for (auto o : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010lld 00000 n \n", static_cast<long long>(o));
    pdf << line;
  }
  pdf << "trailer\n<< /Size " << offsets.size() + 1 << " /Root 1 0 R " << trailer_extra << ">>\nstartxref\n"
      << xref << "\n%%EOF\n";
  return pdf.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_corpus DIR\n";
    return 2;
  }
  Corpus c;
  c.dir = argv[1];
  fs::create_directories(c.dir);
  c.manifest.open(c.dir / "manifest.tsv");
  const fs::path tmp = c.dir / "tmp.tif";
  const std::string jpg = Encode(".jpg", Page()), png = Encode(".png", Page());
  const std::string tif = Tiff(tmp, 1, 600, 800);
  const std::string pdf_text = Pdf({"BT /F1 24 Tf 72 720 Td (Don dang ky) Tj ET"});

  // Nothing, or not an image at all.
  c.Add("empty.pdf", "", "INPUT_EMPTY", "zero bytes, named .pdf");
  c.Add("empty.jpg", "", "INPUT_EMPTY", "zero bytes, named .jpg");
  c.Add("random.pdf", Random(4096, 1), "INPUT_UNSUPPORTED", "random bytes named .pdf");
  c.Add("random.tif", Random(65536, 2), "INPUT_UNSUPPORTED", "random bytes named .tif");
  c.Add("text.png", "Họ và tên: Nguyễn Văn An\n", "INPUT_UNSUPPORTED", "a text file named .png");
  c.Add("page.html.pdf", "<!doctype html><html><body>hồ sơ</body></html>", "INPUT_UNSUPPORTED", "HTML named .pdf");
  c.Add("archive.zip.pdf", std::string("PK\x03\x04", 4) + Random(512, 3), "INPUT_UNSUPPORTED", "a ZIP named .pdf");
  c.Add("image.gif.jpg", std::string("GIF89a") + Random(256, 4), "INPUT_UNSUPPORTED", "a GIF named .jpg");
  c.Add("image.bmp.png", Encode(".bmp", Page(64, 64)), "INPUT_UNSUPPORTED", "a BMP named .png");
  c.Add("one-byte.tif", "I", "INPUT_UNSUPPORTED", "a single byte");

  // Cut short.
  c.Add("half.jpg", jpg.substr(0, jpg.size() / 2), "INPUT_TRUNCATED", "JPEG cut in half");
  c.Add("header-only.jpg", jpg.substr(0, 20), "INPUT_TRUNCATED", "JPEG header only");
  c.Add("half.png", png.substr(0, png.size() / 2), "INPUT_TRUNCATED", "PNG cut in half");
  c.Add("signature-only.png", png.substr(0, 8), "INPUT_TRUNCATED", "PNG signature only");
  c.Add("half.tif", tif.substr(0, tif.size() / 2), "INPUT_TRUNCATED", "TIFF cut in half (its directory is at the end)");
  c.Add("header-only.tif", tif.substr(0, 8), "INPUT_TRUNCATED", "TIFF header only");
  c.Add("half.pdf", pdf_text.substr(0, pdf_text.size() / 2), "INPUT_TRUNCATED", "PDF cut in half");
  c.Add("header-only.pdf", "%PDF-1.4\n", "INPUT_TRUNCATED", "PDF header only");

  // Broken inside.
  {
    std::string t = tif;
    Put32be(t, 4, 0);  // (little-endian TIFF: writes a big-endian word; any wrong offset will do)
    t[4] = '\xF0', t[5] = '\xFF', t[6] = '\xFF', t[7] = '\x7F';
    c.Add("ifd-out-of-file.tif", t, "INPUT_TRUNCATED", "TIFF whose first directory lies past the end");
  }
  {
    // A directory claiming 65,535 entries (the file holds a dozen).
    std::string t = tif;
    const uint32_t ifd = static_cast<uint8_t>(t[4]) | static_cast<uint8_t>(t[5]) << 8 |
                         static_cast<uint8_t>(t[6]) << 16 | static_cast<uint32_t>(static_cast<uint8_t>(t[7])) << 24;
    t[ifd] = '\xFF', t[ifd + 1] = '\xFF';
    c.Add("ifd-65535-entries.tif", t, "INPUT_UNREADABLE", "TIFF directory claiming 65,535 entries");
  }
  {
    std::string t = tif;
    // The first directory's next-IFD pointer back to itself: a loop.
    const uint32_t ifd = static_cast<uint8_t>(t[4]) | static_cast<uint8_t>(t[5]) << 8 |
                         static_cast<uint8_t>(t[6]) << 16 | static_cast<uint32_t>(static_cast<uint8_t>(t[7])) << 24;
    const uint16_t entries = static_cast<uint8_t>(t[ifd]) | static_cast<uint8_t>(t[ifd + 1]) << 8;
    const size_t next = ifd + 2 + 12 * entries;
    for (int i = 0; i < 4; ++i) t[next + i] = static_cast<char>((ifd >> (8 * i)) & 0xFF);
    c.Add("ifd-loop.tif", t, "OK", "TIFF whose directories loop: read once, not forever");
  }
  {
    std::string p = png;
    p[33 + 8] ^= 0x55;  // inside the first IDAT's data
    c.Add("bad-crc.png", p, "INPUT_UNREADABLE", "PNG with a corrupt data chunk");
  }
  c.Add("broken-xref.pdf",
        std::string("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n") +
            "trailer << /Root 1 0 R >>\nstartxref\n999999\n%%EOF\n",
        "INPUT_UNREADABLE", "PDF whose catalogue points at no pages");

  // Too large, or too many.
  c.Add("claims-100k.png", PngClaiming(100000, 100000), "INPUT_TOO_LARGE", "PNG claiming 100,000 x 100,000 pixels");
  c.Add("claims-65k.jpg", JpegClaiming(65000, 65000), "INPUT_TOO_LARGE", "JPEG claiming 65,000 x 65,000 pixels");
  {
    // Tags claiming 100,000 x 100,000 (no pixel data behind them).
    std::string t = Tiff(tmp, 1, 64, 64);
    const uint32_t ifd = static_cast<uint8_t>(t[4]) | static_cast<uint8_t>(t[5]) << 8 |
                         static_cast<uint8_t>(t[6]) << 16 | static_cast<uint32_t>(static_cast<uint8_t>(t[7])) << 24;
    const uint16_t entries = static_cast<uint8_t>(t[ifd]) | static_cast<uint8_t>(t[ifd + 1]) << 8;
    for (uint16_t e = 0; e < entries; ++e) {
      const size_t at = ifd + 2 + 12 * e;
      const uint16_t tag = static_cast<uint8_t>(t[at]) | static_cast<uint8_t>(t[at + 1]) << 8;
      if (tag == 256 || tag == 257) {
        t[at + 2] = 4, t[at + 3] = 0;  // LONG
        const uint32_t v = 100000;
        for (int i = 0; i < 4; ++i) t[at + 8 + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
      }
    }
    c.Add("claims-100k.tif", t, "INPUT_TOO_LARGE", "TIFF claiming 100,000 x 100,000 pixels");
  }
  c.Add("huge-page.pdf", Pdf({"BT /F1 24 Tf 72 720 Td (x) Tj ET"}, "0 0 14400 14400"), "INPUT_TOO_LARGE",
        "PDF page 200 inches square");
  c.Add("2000-pages.pdf", Pdf(std::vector<std::string>(2000, "BT /F1 12 Tf 72 720 Td (p) Tj ET")),
        "INPUT_TOO_MANY_PAGES", "PDF of 2,000 pages");
  c.Add("1200-pages.tif", Tiff(tmp, 1200, 16, 16), "INPUT_TOO_MANY_PAGES", "TIFF of 1,200 pages");

  // Locked, or not scans at all.
  c.Add("encrypted.pdf",
        Pdf({"BT /F1 24 Tf 72 720 Td (secret) Tj ET"}, "0 0 595 842",
            "/Encrypt << /Filter /Standard /V 1 /R 2 /O (0123456789abcdef0123456789abcdef) "
            "/U (0123456789abcdef0123456789abcdef) /P -4 >> /ID [<00112233445566778899aabbccddeeff> "
            "<00112233445566778899aabbccddeeff>] "),
        "INPUT_ENCRYPTED", "password-protected PDF");
  c.Add("no-pages.pdf", Pdf({}), "INPUT_UNREADABLE", "PDF with no pages");

  // Odd but real images: read, not refused.
  c.Add("one-pixel.png", Encode(".png", cv::Mat(1, 1, CV_8UC3, cv::Scalar(0, 0, 0))), "INPUT_TOO_SMALL",
        "a 1 x 1 image");
  c.Add("cmyk.tif", Tiff(tmp, 1, 600, 800, 8, 4, PHOTOMETRIC_SEPARATED), "OK", "CMYK TIFF (read as a page)");
  c.Add("16-bit.png", Encode(".png", cv::Mat(800, 600, CV_16UC1, cv::Scalar(60000))), "OK", "16-bit grey PNG");
  c.Add("16-bit.tif", Tiff(tmp, 1, 600, 800, 16), "OK", "16-bit grey TIFF");
  c.Add("text-only.pdf", pdf_text, "OK", "a PDF of text, not a scan (rendered and read)");
  std::cerr << "make_corpus: " << c.kinds << " inputs in " << c.dir << "\n";
  return 0;
}
