package io.bulkcall.sandbox;

import java.time.Clock;

import io.bulkcall.cartesia.CartesiaConnectionDetails;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * The {@code sandbox} profile: starts a {@link SandboxServer} with the context, stops it with the
 * context, and points the Cartesia client at it in place of the configured API, so the real HTTP
 * client code runs against a local stand-in with no API key.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
@EnableConfigurationProperties(SandboxProperties.class)
public class SandboxConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    SandboxServer sandboxServer(SandboxProperties properties, ObjectProvider<Clock> clock) {
        return new SandboxServer(properties.toSettings(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @Primary
    CartesiaConnectionDetails sandboxConnectionDetails(SandboxServer sandboxServer) {
        return new SandboxConnectionDetails(sandboxServer);
    }
}
