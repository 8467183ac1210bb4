// Sign-in backoff: failures counted per user name and per client address
// over a sliding minute; past the limit, further attempts are refused
// (429, Retry-After) until the oldest failure leaves the window. A success
// clears the user's count. In memory: a restart forgets it, which only
// gives an attacker one more minute.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace hoso {

class SignInThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  explicit SignInThrottle(int failures = 5, std::chrono::seconds window = std::chrono::seconds(60))
      : limit_(failures), window_(window) {}

  // Seconds to wait before trying again, or nullopt when an attempt may be made.
  std::optional<int> RetryAfter(const std::string& user, const std::string& address,
                                Clock::time_point now = Clock::now());
  void Failed(const std::string& user, const std::string& address, Clock::time_point now = Clock::now());
  void Succeeded(const std::string& user);

 private:
  std::optional<int> Wait(std::deque<Clock::time_point>& failures, Clock::time_point now) const;
  const int limit_;
  const std::chrono::seconds window_;
  std::mutex mutex_;
  std::map<std::string, std::deque<Clock::time_point>> by_user_, by_address_;
};

}  // namespace hoso
