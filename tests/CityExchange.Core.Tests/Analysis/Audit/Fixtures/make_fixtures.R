#!/usr/bin/env Rscript
# COINr's results on the audit fixtures' inputs, for the C# tests: run make_fixtures.py first (it writes the inputs),
# then, with COINr installed from its source (MIT; bluefoxr/COINr 1.1.14 was used), from anywhere:
#
#   R_LIBS=/path/to/library Rscript tests/CityExchange.Core.Tests/Analysis/Audit/Fixtures/make_fixtures.R
#
# (COINr needs r-base-core r-cran-rlang r-cran-ggplot2 r-cran-openxlsx r-cran-readxl and r-cran-jsonlite here;
# install it with `R CMD INSTALL -l /path/to/library <COINr source>`.) For each of handmade, demo2015 and published2013
# it writes <name>.coinr.json with COINr's get_stats() and check_SkewKurt(), R's cor() (pairwise complete) with
# cor.test() p-values (COINr's get_pvals(); Spearman with exact = FALSE, the t approximation), COINr's get_cronbach()
# on the Normalise()d (min-max 0-100) indicators that have values, get_PCA() per domain (the sign then chosen so the
# first loadings sum to a positive number), Screen() by data availability and Treat() with its defaults; and
# treatment.coinr.json with Treat() on treatment.json's columns. Missing and undefined values are null.
suppressPackageStartupMessages({
  library(COINr)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
thresholds <- c(0, 0.25, 0.5, 0.6, 0.8, 0.9, 1)

read_input <- function(name) fromJSON(file.path(here, name), simplifyVector = FALSE)

column <- function(values) vapply(values, function(v) if (is.null(v)) NA_real_ else as.numeric(v), numeric(1))

# jsonlite prints at most 15 significant digits: numbers are written verbatim with 17 (a double's round trip)
exact <- function(x) {
  if (is.list(x)) {
    return(if (inherits(x, "AsIs")) x else structure(lapply(x, exact), names = names(x)))
  }
  if (!is.numeric(x)) return(x)
  text <- ifelse(is.na(x), "null", sprintf("%.17g", x))
  if (is.matrix(x)) {
    rows <- apply(matrix(text, nrow(x)), 1, function(r) paste0("[", paste(r, collapse = ","), "]"))
    return(structure(paste0("[", paste(rows, collapse = ","), "]"), class = "json"))
  }
  structure(if (length(x) == 1) text else paste0("[", paste(text, collapse = ","), "]"), class = "json")
}

write_output <- function(data, name) {
  writeLines(toJSON(exact(data), json_verbatim = TRUE, na = "null", auto_unbox = TRUE, null = "null", pretty = TRUE),
             file.path(here, name))
}

orient <- function(loadings) {
  total <- sum(loadings)
  if (abs(total) <= 1e-9 * sum(abs(loadings))) total <- loadings[abs(loadings) > 1e-9][1]
  if (total < 0) -loadings else loadings
}

treat_report <- function(df) {
  treated <- suppressWarnings(Treat(df))
  dets <- treated$Dets_Table
  lapply(stats::setNames(names(df), names(df)), function(code) {
    row <- dets[dets$iCode == code, , drop = FALSE]
    get <- function(field) if (nrow(row) == 1 && field %in% names(row)) row[[field]] else NA
    points <- treated$Treated_Points[[code]]
    list(
      values = unname(treated$x_treat[[code]]),
      points = if (is.null(points)) rep("", nrow(df)) else unname(points),
      nwin = get("winsorise.nwin"),
      pass0 = get("check_SkewKurt0.Pass"), pass1 = get("check_SkewKurt1.Pass"), pass2 = get("check_SkewKurt2.Pass"),
      skew2 = get("check_SkewKurt2.Skew"), kurt2 = get("check_SkewKurt2.Kurt"))
  })
}

audit <- function(name) {
  input <- read_input(paste0(name, ".json"))
  framework <- input$framework
  codes <- vapply(framework, `[[`, "", "code")
  domains <- vapply(framework, `[[`, "", "domain")
  polarity <- vapply(framework, function(f) as.numeric(f$polarity), 0)
  raw <- as.data.frame(lapply(stats::setNames(codes, codes), function(code) column(input$values[[code]])))
  directed <- as.data.frame(mapply(function(x, p) x * p, raw, polarity, SIMPLIFY = FALSE))
  names(directed) <- codes

  stats_table <- get_stats(raw, nsignif = NULL)
  stat_rows <- lapply(stats::setNames(codes, codes), function(code) {
    s <- stats_table[stats_table$iCode == code, ]
    check <- check_SkewKurt(raw[[code]], na.rm = TRUE)
    list(n = s$N.Avail, min = s$Min, max = s$Max, mean = s$Mean, median = s$Median, sd = s$Std,
         skew = skew(raw[[code]], na.rm = TRUE), kurt = kurt(raw[[code]], na.rm = TRUE),
         checkPass = check$Pass, flagSkewKurt = s$Flag.SkewKurt)
  })

  m <- length(codes)
  p_test <- function(method) {
    p <- matrix(NA_real_, m, m)
    for (i in seq_len(m)) for (j in seq_len(m)) {
      p[i, j] <- tryCatch(suppressWarnings(
        stats::cor.test(directed[[i]], directed[[j]], method = method, exact = FALSE)$p.value),
        error = function(e) NA_real_)
    }
    p
  }
  pearson <- suppressWarnings(stats::cor(directed, use = "pairwise.complete.obs", method = "pearson"))
  spearman <- suppressWarnings(stats::cor(directed, use = "pairwise.complete.obs", method = "spearman"))
  # COINr's get_pvals() stops when a pair has fewer than three cities (cor.test's "not enough finite observations")
  pvals <- tryCatch(unname(suppressWarnings(get_pvals(directed))), error = function(e) NULL)

  # a coin: indicators (level 1) in their domains (level 2) under one index (level 3)
  idata <- cbind(data.frame(uCode = vapply(input$cities, identity, ""), stringsAsFactors = FALSE), raw)
  used <- unique(domains)
  imeta <- rbind(
    data.frame(Level = 1, iCode = codes, Parent = domains, Direction = polarity, Weight = 1, Type = "Indicator"),
    data.frame(Level = 2, iCode = used, Parent = "Index", Direction = 1, Weight = 1, Type = "Aggregate"),
    data.frame(Level = 3, iCode = "Index", Parent = NA, Direction = 1, Weight = 1, Type = "Aggregate"))
  imeta$iName <- imeta$iCode
  # codes: COINr requires them to differ from the groups, so a published year's domain columns get a suffix
  if (any(codes %in% used)) {
    renamed <- paste0(codes, "_score")
    names(idata)[match(codes, names(idata))] <- renamed
    imeta$iCode[imeta$Level == 1] <- renamed
  } else {
    renamed <- codes
  }
  coin <- new_coin(idata, imeta, quietly = TRUE)
  coin <- Normalise(coin, dset = "Raw")
  normalised <- get_dset(coin, "Normalised", also_get = "none")
  with_values <- renamed[vapply(renamed, function(code) any(!is.na(normalised[[code]])), TRUE)]
  alpha <- function(members) {
    if (length(members) < 2) return(NA_real_)
    get_cronbach(coin, dset = "Normalised", iCodes = members, Level = 1)
  }
  cronbach <- lapply(stats::setNames(c("social", "culture", "trade", "politics"), c("social", "culture", "trade", "politics")),
                     function(d) alpha(with_values[domains[match(with_values, renamed)] == d]))
  cronbach$overall <- alpha(with_values)

  pca <- list()
  for (d in used) {
    members <- renamed[domains == d]
    # by_groups = TRUE: one PCA over the members' parent group (with FALSE, get_PCA uses every indicator of the level)
    result <- tryCatch(suppressWarnings(get_PCA(coin, dset = "Raw", iCodes = members, Level = 1, by_groups = TRUE,
                                                nowarnings = TRUE, out2 = "list")),
                       error = function(e) { message("PCA ", d, ": ", conditionMessage(e)); NULL })
    if (is.null(result)) {
      pca[[d]] <- list(firstShare = NA_real_, loadings = as.list(stats::setNames(rep(NA_real_, length(members)), codes[domains == d])))
    } else {
      res <- result$PCAresults[[d]]$PCAres
      # rows of the rotation come in get_data()'s order: put them in the framework's
      rotation <- res$rotation[members, 1]
      # get_PCA reads Raw: directions are applied to the loadings here (standardising removes everything else)
      loadings <- orient(rotation * polarity[domains == d])
      pca[[d]] <- list(firstShare = res$sdev[1]^2 / sum(res$sdev^2), cases = nrow(res$x),
                       loadings = as.list(stats::setNames(unname(loadings), codes[domains == d])))
    }
  }

  screens <- lapply(thresholds, function(t) {
    screened <- Screen(idata, unit_screen = "byNA", dat_thresh = t, id_col = "uCode")
    list(threshold = t, removed = I(as.character(screened$RemovedUnits)))
  })
  avail <- Screen(idata, unit_screen = "byNA", dat_thresh = 0, id_col = "uCode")$DataSummary

  write_output(list(
    coinr = as.character(utils::packageVersion("COINr")),
    r = R.version.string,
    stats = stat_rows,
    pearson = unname(pearson), spearman = unname(spearman),
    pearsonP = unname(p_test("pearson")), spearmanP = unname(p_test("spearman")), getPvals = pvals,
    cronbach = cronbach,
    pca = pca,
    coverage = unname(avail$Dat_Avail),
    screen = screens,
    treat = treat_report(raw)), paste0(name, ".coinr.json"))
}

for (name in c("handmade", "demo2015", "published2013")) audit(name)

treatment <- read_input("treatment.json")
columns <- as.data.frame(lapply(treatment$columns, column))
write_output(list(coinr = as.character(utils::packageVersion("COINr")), r = R.version.string,
                  treat = treat_report(columns)), "treatment.coinr.json")
