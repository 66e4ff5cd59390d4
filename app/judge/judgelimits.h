#pragma once

/// The one set of limits on a judge run's settings, used by the command line's checks and by the Judge dialog's
/// spin boxes alike, with the defaults both start from.
struct JudgeLimit
{
    int low;
    int high;
    int fallback;
};

namespace JudgeLimits {

inline constexpr JudgeLimit concurrency{1, 256, 8};
inline constexpr JudgeLimit maxTokens{16, 100000, 400};
inline constexpr JudgeLimit timeoutSeconds{1, 3600, 120};
inline constexpr JudgeLimit maxTries{1, 100, 5};
/// The longest wait a server's Retry-After can impose, in seconds.
inline constexpr JudgeLimit maxRetryWaitSeconds{1, 86400, 300};
/// 0 means no limit.
inline constexpr JudgeLimit requestsPerMinute{0, 10000000, 0};
/// 0 means no limit.
inline constexpr JudgeLimit tokensPerMinute{0, 2000000000, 0};
/// Prices are in currency units per million tokens; 0 leaves cost uncounted.
inline constexpr double maxPricePerMillion = 10000;

} // namespace JudgeLimits
