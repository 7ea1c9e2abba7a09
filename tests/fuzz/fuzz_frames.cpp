// libFuzzer target (clang, the fuzz preset): every input is one text frame, sent to a real
// server on a loopback port by a logged-in client. Coverage guides the fuzzer through the
// frame decoder, the field checks of every request and the handlers behind them; ASan and
// UBSan turn any memory or undefined-behaviour error into a crash report.
//
//   build/fuzz/bin/fuzz_frames -max_total_time=3600 -dict=tests/fuzz/frames.dict \
//       /tmp/fuzz-corpus tests/fuzz/corpus

#include "fuzzharness.h"

#include <QCoreApplication>

#include <cstddef>
#include <cstdint>
#include <memory>

using FinChat::Fuzzing::FuzzHarness;

namespace {
FuzzHarness &harness()
{
    static int argc = 1;
    static char name[] = "fuzz_frames";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static FuzzHarness instance;
    return instance;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // QWebSocket only sends valid UTF-8 text; invalid bytes become U+FFFD, as on the wire a
    // client's library would refuse or replace them.
    harness().deliver(
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)));
    return 0;
}
