package io.wem.testing;

import io.wem.common.access.EndpointInventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every JAX-RS resource class on the main classpath under a package (directories and jars, test classes left out):
 * what the service serves, found without Quarkus and without a list kept by hand.
 */
public final class ResourceClasses {

    private ResourceClasses() {
    }

    public static List<Class<?>> under(String basePackage) {
        String prefix = basePackage.replace('.', '/');
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        TreeMap<String, Class<?>> found = new TreeMap<>();
        try {
            Enumeration<URL> roots = loader.getResources(prefix);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                for (String name : classNames(root, prefix)) {
                    Class<?> c = load(name, loader);
                    if (c != null && EndpointInventory.resourceOf(c) == c) {
                        found.put(name, c);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(found.values());
    }

    private static List<String> classNames(URL root, String prefix) throws IOException {
        List<String> names = new ArrayList<>();
        if ("file".equals(root.getProtocol())) {
            Path dir;
            try {
                dir = Path.of(root.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            if (dir.toString().contains("test-classes")) {
                return names;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f -> names.add(prefix.replace('/', '.') + "."
                        + dir.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "")));
            }
        } else if ("jar".equals(root.getProtocol())) {
            JarURLConnection conn = (JarURLConnection) root.openConnection();
            conn.setUseCaches(false);
            try (JarFile jar = conn.getJarFile()) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String n = e.nextElement().getName();
                    if (n.startsWith(prefix + "/") && n.endsWith(".class") && !jar.getName().contains("tests")) {
                        names.add(n.replace('/', '.').replaceAll("\\.class$", ""));
                    }
                }
            }
        }
        return names;
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null; // a class whose optional dependencies are absent serves nothing here
        }
    }
}
