#include "ingest/ingest.h"

#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "ingest/pdf_document.h"
#include "ingest/raster_document.h"

namespace hoso {

Status IngestOptions::Validate() const {
  if (max_file_bytes == 0) return Status::Error(ErrorCode::kInvalidArgument, "max_file_bytes must be > 0");
  if (max_pages < 1) return Status::Error(ErrorCode::kInvalidArgument, "max_pages must be >= 1");
  if (max_page_pixels < 1 || max_page_side < 1)
    return Status::Error(ErrorCode::kInvalidArgument, "page limits must be >= 1");
  if (pdf_default_dpi < 36 || pdf_default_dpi > 1200 || pdf_max_dpi < pdf_default_dpi)
    return Status::Error(ErrorCode::kInvalidArgument, "pdf dpi must be 36..1200");
  if (assumed_dpi < 36 || assumed_dpi > 2400)
    return Status::Error(ErrorCode::kInvalidArgument, "assumed_dpi must be 36..2400");
  return Status::Ok();
}

const char* InputFormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kPdf: return "pdf";
    case InputFormat::kTiff: return "tiff";
    case InputFormat::kJpeg: return "jpeg";
    case InputFormat::kPng: return "png";
    default: return "unknown";
  }
}

InputFormat SniffFormat(std::string_view b) {
  auto starts = [&](std::string_view p) { return b.substr(0, p.size()) == p; };
  if (starts("%PDF-")) return InputFormat::kPdf;
  // Some PDFs carry a little junk before the header; readers accept 1 KiB.
  if (b.substr(0, 1024).find("%PDF-") != std::string_view::npos) return InputFormat::kPdf;
  if (starts(std::string_view("II*\0", 4)) || starts(std::string_view("MM\0*", 4))) return InputFormat::kTiff;
  if (starts("\xFF\xD8\xFF")) return InputFormat::kJpeg;
  if (starts("\x89PNG\r\n\x1a\n")) return InputFormat::kPng;
  return InputFormat::kUnknown;
}

bool HasSupportedExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".pdf" || ext == ".tif" || ext == ".tiff" || ext == ".jpg" || ext == ".jpeg" || ext == ".png";
}

std::string Sha256Hex(std::string_view bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

Result<std::string> ReadInputFile(const std::string& path, const IngestOptions& options) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) return Status::Error(ErrorCode::kInputNotFound, "no such file");
  if (!std::filesystem::is_regular_file(status))
    return Status::Error(ErrorCode::kInputUnsupported, "not a regular file");
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::Error(ErrorCode::kInputNotFound, "cannot stat: " + ec.message());
  if (size == 0) return Status::Error(ErrorCode::kInputEmpty, "the file is empty (0 bytes)");
  if (size > options.max_file_bytes)
    return Status::Error(ErrorCode::kInputTooLarge, "the file has " + std::to_string(size) + " bytes; the limit is " +
                                                        std::to_string(options.max_file_bytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(ErrorCode::kInputNotFound, "cannot open the file for reading");
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uint64_t>(in.gcount()) != size) return Status::Error(ErrorCode::kInputUnreadable, "short read");
  return bytes;
}

Result<std::unique_ptr<Document>> OpenDocument(std::string bytes, const IngestOptions& options) {
  if (Status s = options.Validate(); !s.ok()) return s;
  if (bytes.empty()) return Status::Error(ErrorCode::kInputEmpty, "the file is empty (0 bytes)");
  switch (SniffFormat(bytes)) {
    case InputFormat::kPdf: return OpenPdfDocument(std::move(bytes), options);
    case InputFormat::kTiff:
    case InputFormat::kJpeg:
    case InputFormat::kPng: return OpenRasterDocument(std::move(bytes), options);
    case InputFormat::kUnknown: break;
  }
  return Status::Error(ErrorCode::kInputUnsupported, "not a PDF, TIFF, JPEG or PNG file (unrecognised content)");
}

}  // namespace hoso
