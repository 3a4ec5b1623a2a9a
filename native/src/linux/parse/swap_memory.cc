#include "linux/parse/swap_memory.h"

#include "common/percent.h"

namespace procyon::parse {

SwapMemory computeSwapMemory(double total, double free, std::optional<SwapPageCounts> counts) {
  SwapMemory swap;
  swap.total = total;
  swap.free = free;
  swap.used = total - free;
  swap.percent = usagePercent(swap.used, total);
  if (counts) {
    swap.sin = static_cast<double>(counts->pagesIn) * kSwapCountUnit;
    swap.sout = static_cast<double>(counts->pagesOut) * kSwapCountUnit;
  }
  return swap;
}

}  // namespace procyon::parse
