"""Reading and writing mkdocs.yml with its custom tags (``!ENV [X, null]``) kept as they are."""

from __future__ import annotations

from pathlib import Path

import yaml


class _Tagged:
    """A value under a custom tag, kept to be written back as it was."""

    def __init__(self, tag: str, value: object) -> None:
        self.tag, self.value = tag, value


class _KeepTags(yaml.SafeLoader):
    pass


def _keep_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.SequenceNode):
        value: object = loader.construct_sequence(node, deep=True)
    elif isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    else:
        value = loader.construct_scalar(node)  # type: ignore[arg-type]
    return _Tagged(node.tag, value)


_KeepTags.add_multi_constructor("!", _keep_tag)


class _TagDumper(yaml.SafeDumper):
    pass


def _dump_tagged(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value, flow_style=True)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_TagDumper.add_representer(_Tagged, _dump_tagged)


def dump_config(config: dict) -> str:
    return yaml.dump(config, Dumper=_TagDumper, sort_keys=False, allow_unicode=True)


def load_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_KeepTags)  # noqa: S506
