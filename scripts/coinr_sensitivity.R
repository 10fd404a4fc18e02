#!/usr/bin/env Rscript
# COINr's get_sensitivity on the design of CityExchange's composite sensitivity analysis
# (src/CityExchange.Core/Sensitivity/CompositeSensitivity.cs), for scripts/sensitivity_peer.sh.
#
# Usage: Rscript scripts/coinr_sensitivity.R FRAMEWORK.csv CITIES.csv INDICATORS.csv WEIGHTS.csv N OUT_FOLDER
#   WEIGHTS.csv: the noisy domain weight vectors the C# run drew (set, social, culture, trade, politics), so that the
#   weights input chooses among the same alternatives in both tools.
# Writes OUT_FOLDER/coinr_indices.csv, coinr_time.txt (get_sensitivity's elapsed and CPU seconds, and its runs) and
# coinr_scores.csv (overall scores under the 24 indicator-level constructions and 3 weight vectors, as the C# side's
# csharp_scores.csv, to check that both compute the same model).
#
# The five uncertain inputs, each discrete as in CityExchange:
#   weights      one of the weight vectors of WEIGHTS.csv          -> $Log$Aggregate$w
#   method       minmax (0–100), zscore, rank (100·rank/n)          -> $Log$Normalise$global_specs
#   aggregation  arithmetic, geometric on 1 + score                 -> $Log$Aggregate$f_ag
#   missing      available-indicator means, region-median imputation -> $Log$Impute$disable
#   winsorise    none, clip at the 5th/95th percentiles (R-7) of the observed values -> $Log$Treat$disable
# COINr runs custom functions by name, so the engine's rank score, its geometric mean on 1 + s and its percentile clip
# are defined below. Geometric aggregation of z-scores is taken as arithmetic, as CityExchange resolves it: the
# normalisation function records which method the run uses and the geometric function falls back to the arithmetic mean.
suppressPackageStartupMessages(library(COINr))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 6) stop("usage: coinr_sensitivity.R FRAMEWORK CITIES INDICATORS WEIGHTS N OUT")
framework <- read.csv(args[1], stringsAsFactors = FALSE, encoding = "UTF-8")
cities <- read.csv(args[2], stringsAsFactors = FALSE, encoding = "UTF-8")
indicators <- read.csv(args[3], stringsAsFactors = FALSE, encoding = "UTF-8")
weight_sets <- read.csv(args[4], stringsAsFactors = FALSE)
N <- as.integer(args[5])
out <- args[6]
dir.create(out, showWarnings = FALSE, recursive = TRUE)

domains <- c("social", "culture", "trade", "politics")
codes <- framework$code

# --- the coin --------------------------------------------------------------------------------------------------------
iData <- data.frame(uCode = indicators$city,
                    Region = cities$region_en[match(indicators$city, cities$code)],
                    indicators[codes], stringsAsFactors = FALSE)
iMeta <- rbind(
  data.frame(iCode = codes, Level = 1, Parent = framework$domain, Direction = ifelse(framework$polarity < 0, -1, 1),
             Weight = 1, Type = "Indicator"),
  data.frame(iCode = domains, Level = 2, Parent = "Index", Direction = 1, Weight = 0.25, Type = "Aggregate"),
  data.frame(iCode = "Index", Level = 3, Parent = NA, Direction = 1, Weight = 1, Type = "Aggregate"),
  data.frame(iCode = "Region", Level = NA, Parent = NA, Direction = NA, Weight = NA, Type = "Group"))

cx <- new.env()
cx$method <- "minmax"
n_cx_minmax <- function(x) { cx$method <- "minmax"; n_minmax(x, l_u = c(0, 100)) }
n_cx_zscore <- function(x) { cx$method <- "zscore"; n_zscore(x, m_sd = c(0, 1)) }
# The report's rank score: ascending rank, ties share the lowest, 100·rank/n over the cities with a value.
n_cx_rank <- function(x) { cx$method <- "rank"; 100 * rank(x, ties.method = "min", na.last = "keep") / sum(!is.na(x)) }
# Weighted geometric mean on 1 + s over the values present: exp(Σw·ln(1 + s) / Σw) − 1.
a_cx_geometric <- function(x, w) {
  if (cx$method == "zscore") return(a_amean(x, w))
  keep <- !is.na(x)
  if (!any(keep)) return(NA)
  exp(sum(w[keep] * log(1 + x[keep])) / sum(w[keep])) - 1
}

# Winsorisation: clip to the 5th–95th percentiles of the indicator's observed (not imputed) values.
cx_clip <- function(x, lower, upper) list(x = pmin(pmax(x, lower), upper), treated = ifelse(x < lower | x > upper, "clipped", ""))
cx_within <- function(x, lower, upper) all(is.na(x) | (x >= lower & x <= upper))
clip_specs <- lapply(codes, function(code) {
  q <- stats::quantile(iData[[code]], c(0.05, 0.95), type = 7, na.rm = TRUE, names = FALSE)
  list(f1 = "cx_clip", f1_para = list(lower = q[1], upper = q[2]),
       f_pass = "cx_within", f_pass_para = list(lower = q[1], upper = q[2]))
})
names(clip_specs) <- codes

norm_specs <- list(minmax = list(f_n = "n_cx_minmax"), zscore = list(f_n = "n_cx_zscore"), rank = list(f_n = "n_cx_rank"))
nominal_w <- iMeta[!is.na(iMeta$Level), c("iCode", "Weight")]

coin <- new_coin(iData, iMeta, quietly = TRUE)
coin <- Impute(coin, dset = "Raw", f_i = "i_median_grp", use_group = "Region", disable = TRUE, warn_on_NAs = FALSE)
coin <- Treat(coin, dset = "Imputed", indiv_specs = clip_specs, disable = TRUE)
coin <- Normalise(coin, dset = "Treated", global_specs = norm_specs$minmax)
coin <- Aggregate(coin, dset = "Normalised", f_ag = "a_amean", w = nominal_w)

noisy <- lapply(seq_len(nrow(weight_sets)), function(s) {
  w <- nominal_w
  w$Weight[match(domains, w$iCode)] <- as.numeric(weight_sets[s, domains])
  w
})

SA_specs <- list(
  weights = list(Address = "$Log$Aggregate$w", Distribution = noisy, Type = "discrete"),
  method = list(Address = "$Log$Normalise$global_specs", Distribution = unname(norm_specs), Type = "discrete"),
  aggregation = list(Address = "$Log$Aggregate$f_ag", Distribution = c("a_amean", "a_cx_geometric"), Type = "discrete"),
  missing = list(Address = "$Log$Impute$disable", Distribution = c(TRUE, FALSE), Type = "discrete"),
  winsorise = list(Address = "$Log$Treat$disable", Distribution = c(TRUE, FALSE), Type = "discrete"))

# --- the same model? every city's overall score under fixed constructions ---------------------------------------------
scores <- list()
index_of <- function(edits) {
  regen <- COINr:::regen_edit(edits, vapply(SA_specs[names(edits)], `[[`, "", "Address"), coin)
  get_data(regen, dset = "Aggregated", iCodes = "Index")
}
for (m in names(norm_specs)) for (a in c("arithmetic", "geometric")) for (missing in c("available", "median"))
  for (win in c("false", "true")) {
    v <- index_of(list(method = norm_specs[[m]], aggregation = if (a == "geometric") "a_cx_geometric" else "a_amean",
                       missing = missing == "available", winsorise = win == "false"))
    scores[[length(scores) + 1]] <- data.frame(method = m, aggregation = a, missing = missing, winsorise = win,
                                               weights = "nominal", city = v$uCode, overall = v$Index)
  }
for (s in 1:min(3, length(noisy))) {
  v <- index_of(list(weights = noisy[[s]]))
  scores[[length(scores) + 1]] <- data.frame(method = "minmax", aggregation = "arithmetic", missing = "available",
                                             winsorise = "false", weights = as.character(s), city = v$uCode, overall = v$Index)
}
write.csv(do.call(rbind, scores), file.path(out, "coinr_scores.csv"), row.names = FALSE)

# --- the sensitivity analysis -----------------------------------------------------------------------------------------
set.seed(1)
started <- proc.time()
SA <- get_sensitivity(coin, SA_specs = SA_specs, N = N, SA_type = "SA", dset = "Aggregated", iCode = "Index",
                      Nboot = 100, quietly = TRUE, check_addresses = FALSE)
spent <- proc.time() - started
writeLines(sprintf("%.3f %.3f %d", spent[["elapsed"]], spent[["user.self"]] + spent[["sys.self"]], N * (length(SA_specs) + 2)),
           file.path(out, "coinr_time.txt"))
S <- SA$Sensitivity
write.csv(data.frame(input = S$Variable, first = S$Si, total = S$STi, firstLow = S$Si_q5, firstHigh = S$Si_q95,
                     totalLow = S$STi_q5, totalHigh = S$STi_q95), file.path(out, "coinr_indices.csv"), row.names = FALSE)
