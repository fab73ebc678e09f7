#!/bin/bash
# usage: infer-profile.sh WORKTREE [THREADS [operations [cpu]]]
cd "$1" && java --add-modules jdk.incubator.vector -cp model/target/test-classes:model/target/classes:app/target/lib/* \
  org.melodypalette.model.infer.InferenceProfile /work/shared/magenta/checkpoints/mel_2bar_small_random ${2:-2} ${3:-} ${4:-} 2>&1 | grep -v "^WARNING: Using incubator"
