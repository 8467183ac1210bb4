#include "support/test_support.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <opencv2/imgproc.hpp>
#include <sstream>

namespace hoso::test {

std::filesystem::path SourceDir() { return HOSO_SOURCE_DIR; }
std::filesystem::path SamplesDir() { return SourceDir() / "samples"; }
std::filesystem::path RealScansDir() { return HOSO_REAL_SCANS_DIR; }
std::filesystem::path DataDir() { return SourceDir() / "tests" / "data"; }

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteFile(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

ScratchDir::ScratchDir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = info ? std::string(info->test_suite_name()) + "." + info->name() : "hoso";
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.') c = '_';
  path_ = std::filesystem::temp_directory_path() / ("hoso-test-" + name + "-" + std::to_string(getpid()));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

cv::Mat WithNoise(const cv::Mat& image, double sigma, double offset) {
  const int wide = CV_MAKETYPE(CV_16S, image.channels());
  cv::Mat noise(image.size(), wide), out;
  cv::randn(noise, cv::Scalar::all(offset), cv::Scalar::all(sigma));
  image.convertTo(out, wide);
  out += noise;
  out.convertTo(out, image.type());
  return out;
}

cv::Mat TextPage(int width, int height, int lines, int font_px) {
  cv::Mat page(height, width, CV_8UC1, cv::Scalar(255));
  static const char* kWords[] = {"hoso", "reads", "dossiers", "ward",   "intake",  "scanned", "pages",
                                 "text", "lines", "forms",    "merger", "address", "review",  "queue"};
  const double scale = font_px / 22.0;
  int y = height / 8;
  for (int l = 0; l < lines && y < height - height / 8; ++l) {
    std::string text;
    for (int w = 0; w < 7; ++w) text += std::string(kWords[(l * 7 + w * 3) % 14]) + " ";
    cv::putText(page, text, cv::Point(width / 10, y), cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(0), 3, cv::LINE_AA);
    y += font_px * 2;
  }
  return page;
}

}  // namespace hoso::test
