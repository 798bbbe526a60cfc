package dev.swarm.core;

import dev.swarm.api.contract.TaskStoreContract;
import dev.swarm.api.store.TaskStore;

class InMemoryTaskStoreTest extends TaskStoreContract {
  @Override
  protected TaskStore createStore() {
    return new InMemoryTaskStore();
  }
}
