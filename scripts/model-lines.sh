#!/usr/bin/env bash
# Lines of the model module's main code at a commit, per package, and split between the files of
# features added after dba2d7b (listed below, by feature) and the rest, the model core and its entry
# points. Lines a feature added inside a file of the rest count with the rest.
# usage: scripts/model-lines.sh COMMIT
set -euo pipefail
commit=${1:?usage: scripts/model-lines.sh COMMIT}
root=model/src/main/java/org/melodypalette/model/
features='
continuation  api/ContinuationEvaluation api/ContinuationOptions backprop/ContinuationBackprop backprop/ContinuationWeights backprop/LanguageModelPass backprop/SoftmaxCrossEntropy bench/ContinuationBenchmark config/ContinuationConfig config/ContinuationConfigJson config/ContinuationPresets eval/BigramModel eval/ContinuationRealism infer/ContinuationModel layers/ContinuationLayers service/ContinuationEvaluations service/ContinuationTraining service/MelodyContinuer train/ContinuationCheckpoint train/ContinuationEvaluator train/ContinuationMetrics train/ContinuationTrainer
refine        api/Encoding api/EvaluationFidelity api/FidelityOptions api/RefineOptions api/LatentCode backprop/DecoderLikelihood backprop/BarLikelihood eval/FidelityEvaluator refine/LatentRefiner refine/BarRefiner refine/AdamVector bench/BarRefinementStudy
morph-path    api/MorphPath
reliability   checkpoint/CheckpointChecksums train/DivergenceGuard train/FiniteValues config/ModelSizeLimits
'
git grep -c '' "$commit" -- "$root" | sed "s|^$commit:$root||; s|\.java:| |" | awk -v features="$features" '
  BEGIN {
    n = split(features, rows, "\n")
    for (i = 1; i <= n; i++) {
      m = split(rows[i], w, " ")
      for (j = 2; j <= m; j++) feature[w[j]] = w[1]
    }
  }
  {
    file = $1; lines = $2
    pkg = file; sub(/\/.*/, "", pkg); if (pkg == file) pkg = "(root)"
    total[pkg] += lines; all += lines
    if (file in feature) { newpkg[pkg] += lines; byfeature[feature[file]] += lines; fresh += lines }
  }
  END {
    printf "%-12s %7s %9s %9s\n", "package", "lines", "features", "the rest"
    for (p in total) printf "%-12s %7d %9d %9d\n", p, total[p], newpkg[p], total[p] - newpkg[p] | "sort"
    close("sort")
    printf "%-12s %7d %9d %9d\n", "all", all, fresh, all - fresh
    for (f in byfeature) printf "  feature %-13s %6d\n", f, byfeature[f] | "sort"
    close("sort")
  }'
