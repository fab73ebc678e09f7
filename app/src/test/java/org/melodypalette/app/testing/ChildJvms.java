package org.melodypalette.app.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The child JVMs a test starts ({@code @RegisterExtension final ChildJvms children = new ChildJvms();}):
 * any still running when the test ends, passed or failed, is killed.
 */
public final class ChildJvms implements AfterEachCallback {

    private final List<ChildJvm> started = new ArrayList<>();

    /** {@link ChildJvm#start}, remembered for the end of the test. */
    public ChildJvm start(String name, List<String> jvmOptions, String mainClass, List<String> args,
                          Map<String, String> environment, Path stderr) {
        ChildJvm child = ChildJvm.start(name, jvmOptions, mainClass, args, environment, stderr);
        started.add(child);
        return child;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(ChildJvm::close);
        started.clear();
    }
}
