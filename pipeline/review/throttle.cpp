#include "review/throttle.h"

#include <algorithm>

namespace hoso {

std::optional<int> SignInThrottle::Wait(std::deque<Clock::time_point>& failures, Clock::time_point now) const {
  while (!failures.empty() && now - failures.front() >= window_) failures.pop_front();
  if (static_cast<int>(failures.size()) < limit_) return std::nullopt;
  const auto left = std::chrono::duration_cast<std::chrono::seconds>(failures.front() + window_ - now).count();
  return std::max<int>(1, static_cast<int>(left) + 1);
}

std::optional<int> SignInThrottle::RetryAfter(const std::string& user, const std::string& address,
                                              Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::optional<int> wait;
  if (auto it = by_user_.find(user); it != by_user_.end()) wait = Wait(it->second, now);
  if (auto it = by_address_.find(address); it != by_address_.end())
    if (auto w = Wait(it->second, now); w && (!wait || *w > *wait)) wait = w;
  return wait;
}

void SignInThrottle::Failed(const std::string& user, const std::string& address, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mutex_);
  // Bounded memory: a flood of made-up names forgets the oldest entries.
  if (by_user_.size() > 10000) by_user_.clear();
  if (by_address_.size() > 10000) by_address_.clear();
  by_user_[user].push_back(now);
  by_address_[address].push_back(now);
}

void SignInThrottle::Succeeded(const std::string& user) {
  std::lock_guard<std::mutex> lock(mutex_);
  by_user_.erase(user);
}

}  // namespace hoso
