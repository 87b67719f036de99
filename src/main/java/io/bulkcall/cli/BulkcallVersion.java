package io.bulkcall.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code bulkcall --version}: the version the jar was built as. */
class BulkcallVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = BulkcallVersion.class.getPackage().getImplementationVersion();
        return new String[] { "bulkcall " + (version == null ? "(development build)" : version) };
    }
}
