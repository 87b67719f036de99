package io.bulkcall.cli;

import io.bulkcall.cartesia.CartesiaClient;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * For a command that calls Cartesia ({@code run}, {@code restart}, {@code cancel}): works out where
 * Cartesia is once the context is up, before the command does anything. The sandbox's stand-in starts
 * there, so one that cannot (another sandbox run holds its state folder) ends the command at start with
 * one line, nothing staged and no job marked; the commands that call nobody start no stand-in at all.
 */
final class CartesiaFirst implements ApplicationContextInitializer<ConfigurableApplicationContext>,
        ApplicationListener<ContextRefreshedEvent> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.addApplicationListener(this);
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent refreshed) {
        refreshed.getApplicationContext().getBean(CartesiaClient.class).resolveEndpoint();
    }
}
