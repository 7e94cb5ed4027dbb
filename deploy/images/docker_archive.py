"""Writes a one-layer Docker-archive image (the `docker save` format that Jib reads as a tar:// base image)."""
import hashlib
import io
import json
import os
import sys
import tarfile


def layer_bytes(rootfs):
    buf = io.BytesIO()
    # Reproducible: sorted entries, fixed times and owners (root, except the service user's home and /tmp).
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for dirpath, dirnames, filenames in os.walk(rootfs):
            dirnames.sort()
            # The directory itself, then its files and its symlinks to directories (os.walk does not enter those).
            entries = [dirpath] + [os.path.join(dirpath, n) for n in sorted(filenames)]
            entries += [os.path.join(dirpath, n) for n in dirnames if os.path.islink(os.path.join(dirpath, n))]
            for path in entries:
                rel = os.path.relpath(path, rootfs)
                if rel == ".":
                    continue
                info = tar.gettarinfo(path, arcname=rel)
                info.mtime = 0
                info.uid = info.gid = 185 if rel == "home/jboss" else 0
                info.uname = info.gname = ""
                if rel == "tmp":
                    info.mode = 0o1777
                if info.isreg():
                    with open(path, "rb") as f:
                        tar.addfile(info, f)
                else:
                    tar.addfile(info)
    return buf.getvalue()


def main(rootfs, out, tag, jvm, versions):
    layer = layer_bytes(rootfs)
    diff_id = "sha256:" + hashlib.sha256(layer).hexdigest()
    config = {
        "architecture": "amd64",
        "os": "linux",
        "config": {
            "Env": [
                "PATH=" + jvm + "/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "JAVA_HOME=" + jvm,
                "LANG=C.UTF-8",
            ],
            "User": "185",
            "WorkingDir": "/home/jboss",
        },
        "rootfs": {"type": "layers", "diff_ids": [diff_id]},
        "history": [{"created": "1970-01-01T00:00:00Z",
                     "created_by": "deploy/images/build-base-image.sh: Debian packages " + versions}],
    }
    config_bytes = json.dumps(config, sort_keys=True).encode()
    config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
    manifest = [{"Config": config_name, "RepoTags": [tag], "Layers": ["layer.tar"]}]
    with tarfile.open(out, "w") as tar:
        for name, data in (("layer.tar", layer), (config_name, config_bytes),
                           ("manifest.json", json.dumps(manifest).encode())):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


if __name__ == "__main__":
    main(*sys.argv[1:6])
