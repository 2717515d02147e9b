"""The hub fails closed: no path through the kit's Zero to JupyterHub configuration, the README's recipe or the
local classroom hub leaves an authenticator that admits anyone, and HTTPS is on. Judged on the chart's own
defaults merged with the kit's values, as Helm merges them (tests/z2jh/)."""

import copy
import re
from pathlib import Path

import pytest
import yaml
from test_classroom import Z2JH, merged, schema_errors

ROOT = Path(__file__).resolve().parents[1]
# Authenticators that let in whoever types a name (and a shared or any password), or make an account on request.
OPEN = {"dummy", "jupyterhub.auth.DummyAuthenticator", "tmp", "tmpauthenticator.TmpAuthenticator",
        "shared-password", "jupyterhub.authenticators.shared.SharedPasswordAuthenticator"}
CLOSED = {"null", "jupyterhub.auth.NullAuthenticator"}  # lets no one in
OAUTH = {"google", "azuread", "github", "generic-oauth", "lti13"}


def admits_anyone(values: dict) -> list[str]:
    """Why a merged values file would let in someone nobody named, or [] when it would not."""
    config = values.get("hub", {}).get("config", {})
    authenticator = config.get("JupyterHub", {}).get("authenticator_class")
    reasons = []
    if authenticator in OPEN or authenticator is None:
        reasons.append(f"authenticator {authenticator!r} admits any name")
    for section, settings in config.items():
        if section.endswith("Authenticator") and isinstance(settings, dict) and settings.get("allow_all") is True:
            reasons.append(f"{section}.allow_all is true")
    if authenticator in OAUTH:
        named = [settings for section, settings in config.items() if section.endswith("Authenticator")
                 and isinstance(settings, dict) and any(settings.get(k) for k in (
                     "allowed_users", "hosted_domain", "allowed_organizations", "allowed_groups", "tenant_id"))]
        if not named and authenticator != "lti13":
            reasons.append(f"{authenticator} with no allowed_users, domain, organisation or group admits every account")
    https = values.get("proxy", {}).get("https", {})
    if not https.get("enabled"):
        reasons.append("HTTPS is off: passwords and tokens would cross the network in clear")
    return reasons


@pytest.fixture(scope="module")
def defaults() -> dict:
    return yaml.safe_load((Z2JH / "values.yaml").read_text())


@pytest.fixture(scope="module")
def kit_values() -> dict:
    return yaml.safe_load((ROOT / "jupyter" / "z2jh-config.yaml").read_text())


def test_the_charts_own_default_would_admit_anyone(defaults):
    """Why the kit's file must set an authenticator: the chart alone deploys an open hub."""
    assert admits_anyone(defaults)


def test_the_kits_configuration_admits_no_one_until_the_teacher_chooses(defaults, kit_values):
    values = merged(defaults, kit_values)
    assert admits_anyone(values) == []
    assert values["hub"]["config"]["JupyterHub"]["authenticator_class"] in CLOSED
    assert values["proxy"]["https"]["enabled"] is True and values["proxy"]["https"]["hosts"]
    assert schema_errors(kit_values) == []


def readme_recipe() -> dict:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### On a JupyterHub", 1)[1].split("\n### ", 1)[0]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block, "the README's hub section gives the authenticator's lines"
    return yaml.safe_load("\n".join(line[2:] if line.startswith("  ") else line
                                    for line in block.group(1).splitlines()))


def test_the_readme_recipe_names_who_may_log_in_and_passes_the_schema(defaults, kit_values):
    recipe = readme_recipe()
    values = merged(defaults, merged(kit_values, recipe))
    assert admits_anyone(values) == []
    assert values["hub"]["config"]["Authenticator"]["admin_users"]
    assert schema_errors(merged(kit_values, recipe)) == []
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("Google", "Microsoft", "GitHub", "LTI", "`allowed_users`", "`admin_users`"):
        assert name in readme, name


@pytest.mark.parametrize("change, why", [
    ({"hub": {"config": {"JupyterHub": {"authenticator_class": "dummy"}}}}, "admits any name"),
    ({"hub": {"config": {"JupyterHub": {"authenticator_class": "tmp"}}}}, "admits any name"),
    ({"hub": {"config": {"Authenticator": {"allow_all": True}}}}, "allow_all is true"),
    ({"hub": {"config": {"GitHubOAuthenticator": {"allow_all": True}}}}, "allow_all is true"),
    ({"hub": {"config": {"JupyterHub": {"authenticator_class": "github"}}}}, "admits every account"),
    ({"hub": {"config": {"JupyterHub": None}}}, "admits any name"),  # the line deleted: the chart's dummy returns
    ({"proxy": {"https": {"enabled": False}}}, "HTTPS is off"),
], ids=["dummy", "tmp", "allow-all", "allow-all-on-github", "github-with-no-one-named", "authenticator-deleted",
        "no-https"])
def test_the_check_catches_each_way_a_hub_is_left_open(defaults, kit_values, change, why):
    """The judge above can fail: each edit a hurried teacher might make is caught, with its reason."""
    values = merged(defaults, merged(copy.deepcopy(kit_values), change))
    assert any(why in reason for reason in admits_anyone(values)), admits_anyone(values)


def test_the_local_classroom_hub_lets_in_only_its_students():
    """JupyterHub 5+ gives DummyAuthenticator allow_all=True by default: the local hub must not rely on it."""
    config = (ROOT / "tools" / "classroom" / "jupyterhub_config.py").read_text(encoding="utf-8")
    code = "\n".join(line.split("#")[0] for line in config.splitlines())
    assert "c.Authenticator.allow_all = False" in code and "allow_all = True" not in code
    assert "c.Authenticator.allowed_users = " in code and "CLASSROOM_STUDENTS" in code
    run = (ROOT / "tools" / "classroom" / "run.py").read_text(encoding="utf-8")
    assert '"CLASSROOM_STUDENTS": ",".join(self.names)' in run
    assert re.search(r'c\.JupyterHub\.(ip|bind_url) = .*127\.0\.0\.1', code), "the local hub listens on loopback only"
