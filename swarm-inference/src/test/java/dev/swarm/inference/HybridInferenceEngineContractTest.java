package dev.swarm.inference;

import dev.swarm.api.contract.InferenceEngineContract;
import dev.swarm.api.inference.InferenceEngine;
import dev.swarm.api.inference.ModelTier;

class HybridInferenceEngineContractTest extends InferenceEngineContract {
  @Override
  protected InferenceEngine createEngine() {
    return HybridInferenceEngine.builder()
        .small(ModelProvider.of(ModelTier.SMALL, "demo-small", new ScriptedChatModel("small"), PriceSheet.perRequest(0.0001)))
        .large(ModelProvider.of(ModelTier.LARGE, "demo-large", new ScriptedChatModel("large"), PriceSheet.perRequest(0.01)))
        .build();
  }
}
