import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Executable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks the service's native-image configuration against the jars that the native build really packages
 * ({@code target/native-sources}, written by {@code mvn package -Pnative -Dquarkus.native.sources-only=true}).
 *
 * <pre>java scripts/NativeConfigCheck.java target/native-sources src/main/resources/META-INF/native-image/...</pre>
 *
 * Fails (exit 1) when
 * <ul>
 *   <li>a class, constructor, method or field named in reflect-config.json or jni-config.json does not exist;</li>
 *   <li>a resource pattern of resource-config.json matches no entry of the packaged jars;</li>
 *   <li>a JNI library shipped in the jars (ONNX Runtime's, the tokenizers') names a Java class of its library that
 *       jni-config.json does not register: a library upgrade that changes what its native code looks up;</li>
 *   <li>a class or package named by --initialize-at-run-time/--initialize-at-build-time in native-image.properties
 *       does not exist;</li>
 *   <li>a provider listed in a META-INF/services file of DJL, of Tika's detectors or of LangChain4j's HTTP client is
 *       not registered for reflection (Quarkus turns
 *       native-image's automatic ServiceLoader support off, so each provider must be).</li>
 * </ul>
 * Java 17, no dependencies: run with {@code java File.java}.
 */
public class NativeConfigCheck {

    /** JNI libraries inside the jars whose Java look-ups must be registered, and the class-name prefix they use. */
    private static final Map<String, String> JNI_LIBRARIES = Map.of(
            "ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so", "ai/onnxruntime/",
            "native/lib/linux-x86_64/cpu/libtokenizers.so", "ai/djl/");

    /** Service files whose providers DJL, Tika (detection) and LangChain4j (HTTP client) load by reflection. */
    private static final List<String> SERVICE_FILES = List.of(
            "META-INF/services/ai.djl.engine.EngineProvider",
            "META-INF/services/ai.djl.repository.zoo.ZooProvider",
            "META-INF/services/org.apache.tika.detect.Detector",
            "META-INF/services/org.apache.tika.detect.zip.ZipContainerDetector",
            "META-INF/services/org.apache.tika.detect.EncodingDetector",
            "META-INF/services/org.apache.tika.extractor.EmbeddedStreamTranslator",
            "META-INF/services/org.apache.tika.metadata.filter.MetadataFilter",
            "META-INF/services/dev.langchain4j.http.client.HttpClientBuilderFactory");

    private final List<String> errors = new ArrayList<>();
    private final List<ZipFile> jars = new ArrayList<>();
    private ClassLoader loader;

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java NativeConfigCheck.java <target/native-sources> <config folder>");
            System.exit(2);
        }
        NativeConfigCheck check = new NativeConfigCheck();
        check.run(Path.of(args[0]), Path.of(args[1]));
        if (!check.errors.isEmpty()) {
            check.errors.forEach(e -> System.err.println("native-config: ERROR: " + e));
            System.exit(1);
        }
    }

    private void run(Path sources, Path config) throws Exception {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> s = Files.list(sources)) {
            s.filter(p -> p.toString().endsWith(".jar")).forEach(paths::add);
        }
        try (Stream<Path> s = Files.list(sources.resolve("lib"))) {
            s.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(paths::add);
        }
        if (paths.size() < 2) {
            throw new IllegalStateException("no runner jar and lib/ in " + sources);
        }
        List<URL> urls = new ArrayList<>();
        for (Path p : paths) {
            urls.add(p.toUri().toURL());
            jars.add(new ZipFile(p.toFile()));
        }
        loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());

        Set<String> reflected = checkMembers(config.resolve("reflect-config.json"), "reflect-config");
        Set<String> jni = checkMembers(config.resolve("jni-config.json"), "jni-config");
        int resources = checkResources(config.resolve("resource-config.json"));
        int libraries = checkJniLibraries(jni);
        int providers = checkServiceProviders(reflected);
        checkPackaged(config);
        System.out.printf("native-config: %d reflection and %d JNI classes, %d resource patterns, %d JNI libraries "
                + "scanned, %d service providers: %s%n", reflected.size(), jni.size(), resources, libraries, providers,
                errors.isEmpty() ? "OK" : errors.size() + " error(s)");
    }

    /** Checks every class and member of a reflect/jni config file; returns the class names. */
    @SuppressWarnings("unchecked")
    private Set<String> checkMembers(Path file, String label) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Object o : (List<Object>) Json.parse(Files.readString(file))) {
            Map<String, Object> entry = (Map<String, Object>) o;
            String name = (String) entry.get("name");
            names.add(name);
            Class<?> type = load(name);
            if (type == null) {
                errors.add(label + ": class " + name + " not found");
                continue;
            }
            for (Object m : (List<Object>) entry.getOrDefault("methods", List.of())) {
                Map<String, Object> method = (Map<String, Object>) m;
                String methodName = (String) method.get("name");
                List<Object> params = (List<Object>) method.get("parameterTypes");
                Class<?>[] types = new Class<?>[params.size()];
                for (int i = 0; i < types.length; i++) {
                    types[i] = load((String) params.get(i));
                    if (types[i] == null) {
                        errors.add(label + ": " + name + "." + methodName + ": parameter type " + params.get(i)
                                + " not found");
                        types = null;
                        break;
                    }
                }
                if (types == null) {
                    continue;
                }
                try {
                    Executable e = "<init>".equals(methodName) ? type.getDeclaredConstructor(types)
                            : type.getDeclaredMethod(methodName, types);
                    e.getName();
                } catch (NoSuchMethodException | LinkageError e) {
                    errors.add(label + ": " + name + "." + methodName + params + " not found");
                }
            }
            for (Object f : (List<Object>) entry.getOrDefault("fields", List.of())) {
                String field = (String) ((Map<String, Object>) f).get("name");
                try {
                    type.getDeclaredField(field);
                } catch (NoSuchFieldException | LinkageError e) {
                    errors.add(label + ": field " + name + "." + field + " not found");
                }
            }
        }
        return names;
    }

    /**
     * The configuration files must be inside the packaged application (native-image reads them from there), and the
     * classes named in native-image.properties must exist.
     */
    private void checkPackaged(Path config) throws IOException {
        String folder = null;
        for (Path p = config; p != null && p.getParent() != null; p = p.getParent()) {
            if (p.getParent().getFileName() != null && "native-image".equals(p.getParent().getFileName().toString())
                    && p.getParent().getParent() != null
                    && "META-INF".equals(p.getParent().getParent().getFileName().toString())) {
                folder = "META-INF/native-image/" + p.getParent().relativize(config).toString().replace('\\', '/');
                break;
            }
        }
        if (folder == null) {
            errors.add(config + " is not under META-INF/native-image/");
            return;
        }
        try (Stream<Path> s = Files.list(config)) {
            for (Path f : s.toList()) {
                String entry = folder + "/" + f.getFileName();
                if (jars.stream().noneMatch(j -> j.getEntry(entry) != null)) {
                    errors.add(entry + " is not in the packaged application");
                }
            }
        }
        Path properties = config.resolve("native-image.properties");
        if (Files.exists(properties)) {
            String text = Files.readString(properties).replaceAll("\\\\\n", " ");
            Matcher m = Pattern.compile("--initialize-at-(?:run|build)-time=(\\S+)").matcher(text);
            while (m.find()) {
                for (String name : m.group(1).split(",")) {
                    // a class (present, even if it cannot be loaded: those with a missing optional dependency are
                    // listed for that reason), or a package (its classes and sub-packages'): some class must be in it
                    String path = name.replace('.', '/');
                    if (load(name) == null && jars.stream().flatMap(ZipFile::stream).noneMatch(e -> e.getName()
                            .equals(path + ".class") || e.getName().startsWith(path + "/") && e.getName()
                            .endsWith(".class"))) {
                        errors.add("native-image.properties: no class or package " + name);
                    }
                }
            }
        }
    }

    /** Every resource pattern must match at least one entry of the packaged jars. */
    @SuppressWarnings("unchecked")
    private int checkResources(Path file) throws IOException {
        Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(file));
        List<Object> includes = (List<Object>) ((Map<String, Object>) root.get("resources")).get("includes");
        for (Object o : includes) {
            String pattern = (String) ((Map<String, Object>) o).get("pattern");
            Pattern p = Pattern.compile(pattern);
            boolean found = jars.stream().flatMap(ZipFile::stream).map(ZipEntry::getName)
                    .anyMatch(n -> p.matcher(n).matches());
            if (!found) {
                errors.add("resource-config: pattern " + pattern + " matches no entry of the packaged jars");
            }
        }
        return includes.size();
    }

    /**
     * Scans each JNI library for the Java class names its native code looks up (FindClass, NewObjectArray,
     * ThrowNew): any class of the library's own packages found there must be in jni-config.json. Rust string
     * constants are stored without separators, so a match is cut back to the longest prefix that is a class.
     */
    private int checkJniLibraries(Set<String> jni) throws IOException {
        int scanned = 0;
        for (Map.Entry<String, String> lib : JNI_LIBRARIES.entrySet()) {
            byte[] bytes = null;
            for (ZipFile jar : jars) {
                ZipEntry e = jar.getEntry(lib.getKey());
                if (e != null) {
                    try (InputStream in = jar.getInputStream(e)) {
                        bytes = in.readAllBytes();
                    }
                    break;
                }
            }
            if (bytes == null) {
                errors.add("JNI library " + lib.getKey() + " is in none of the packaged jars");
                continue;
            }
            scanned++;
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            Matcher m = Pattern.compile(Pattern.quote(lib.getValue()) + "[A-Za-z0-9_/$]+").matcher(text);
            Set<String> found = new TreeSet<>();
            while (m.find()) {
                String candidate = m.group().replace('/', '.');
                for (int end = candidate.length(); end > lib.getValue().length(); end--) {
                    String prefix = candidate.substring(0, end);
                    if (Character.isUpperCase(prefix.charAt(prefix.lastIndexOf('.') + 1)) && load(prefix) != null) {
                        found.add(prefix);
                        break;
                    }
                }
            }
            if (found.isEmpty()) {
                errors.add("JNI library " + lib.getKey() + ": no Java class name found in it (scan broken?)");
            }
            for (String name : found) {
                if (!jni.contains(name)) {
                    errors.add("JNI library " + lib.getKey() + " looks up " + name + ", which jni-config.json does"
                            + " not register");
                }
            }
        }
        return scanned;
    }

    /** Each provider named in those service files must be registered for reflection (instantiated by ServiceLoader). */
    private int checkServiceProviders(Set<String> reflected) throws IOException {
        int count = 0;
        for (String service : SERVICE_FILES) {
            for (ZipFile jar : jars) {
                ZipEntry e = jar.getEntry(service);
                if (e == null) {
                    continue;
                }
                String content;
                try (InputStream in = jar.getInputStream(e)) {
                    content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                for (String line : content.split("\n")) {
                    String provider = line.replaceAll("#.*", "").strip();
                    if (provider.isEmpty()) {
                        continue;
                    }
                    count++;
                    if (!reflected.contains(provider)) {
                        errors.add(service + " in " + Path.of(jar.getName()).getFileName() + " lists " + provider
                                + ", which reflect-config.json does not register");
                    }
                }
            }
        }
        return count;
    }

    private Class<?> load(String name) {
        switch (name) {
            case "int": return int.class;
            case "long": return long.class;
            case "boolean": return boolean.class;
            case "float": return float.class;
            case "double": return double.class;
            case "byte": return byte.class;
            case "short": return short.class;
            case "char": return char.class;
            default:
        }
        if (name.endsWith("[]")) {
            Class<?> component = load(name.substring(0, name.length() - 2));
            return component == null ? null : component.arrayType();
        }
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** Just enough JSON for these configuration files: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json j = new Json(text);
            Object v = j.value();
            j.ws();
            if (j.i != text.length()) {
                throw j.error("trailing characters");
            }
            return v;
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                i++;
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return map;
                }
                while (true) {
                    ws();
                    String key = string();
                    ws();
                    expect(':');
                    map.put(key, value());
                    ws();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect('}');
                        return map;
                    }
                }
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                i++;
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    ws();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect(']');
                        return list;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            for (String word : new String[] {"true", "false", "null"}) {
                if (s.startsWith(word, i)) {
                    i += word.length();
                    return "null".equals(word) ? null : Boolean.valueOf(word);
                }
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw error("unexpected character '" + c + "'");
            }
            return Double.valueOf(s.substring(start, i));
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
            i++;
            return sb.toString();
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private void expect(char c) {
            if (i >= s.length() || s.charAt(i) != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at offset " + i);
        }
    }
}
