// Helpers shared by the tests: paths into the source tree, a scratch
// folder per test, and files read and written whole.
#pragma once

#include <filesystem>
#include <string>

#include <opencv2/core.hpp>

namespace hoso::test {

std::filesystem::path SourceDir();   // the repository
std::filesystem::path SamplesDir();  // samples/
std::filesystem::path DataDir();     // tests/data/
// Real captures nobody here made (../shared/data/real-scans, read in place,
// never copied into the repository): tests on them skip where it is absent.
std::filesystem::path RealScansDir();
std::string ReadFile(const std::filesystem::path& p);  // whole file, binary
void WriteFile(const std::filesystem::path& p, const std::string& bytes);

// A fresh, empty folder for the running test, removed when it goes out of scope.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// A white page (grey) with a few lines of black Hershey text, `lines` long,
// drawn at roughly 300 dpi proportions.
cv::Mat TextPage(int width, int height, int lines, int font_px = 40);

// `image` (8-bit, any channels) with Gaussian noise of `sigma` grey levels
// added to every channel (and `offset`), saturated.
cv::Mat WithNoise(const cv::Mat& image, double sigma, double offset = 0);

}  // namespace hoso::test
