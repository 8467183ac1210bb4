// TIFF (multi-page), JPEG and PNG documents, decoded with Leptonica, which
// also reports the resolution the file records. Leptonica types stay here.
#pragma once

#include <memory>
#include <string>

#include "ingest/ingest.h"

namespace hoso {

Result<std::unique_ptr<Document>> OpenRasterDocument(std::string bytes, const IngestOptions& options);

}  // namespace hoso
