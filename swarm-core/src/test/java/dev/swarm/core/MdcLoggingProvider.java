package dev.swarm.core;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple with a working MDC. slf4j-simple's own MDC drops every value, which would hide
 * whether the runtime carries the correlation id; logback and log4j keep it as this does.
 * Selected through the {@code slf4j.provider} system property in this module's pom.
 */
public class MdcLoggingProvider extends SimpleServiceProvider {
  private final MDCAdapter mdc = new BasicMDCAdapter();

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }
}
