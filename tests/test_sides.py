"""Moscow's side is read from actors.csv's belongs_to, and the network's Soviet node holds exactly that side."""

import pandas as pd
import pytest

import breaking_isolation as kit
from breaking_isolation import network, sides
from test_network import ACTORS


def test_the_soviet_side_follows_belongs_to_upwards_whatever_the_kind():
    assert sides.soviet_side(ACTORS) == {"rsfsr", "ussr", "cpsu", "stalin", "trotsky", "joffe"}


def test_an_actor_of_another_side_or_a_loop_in_belongs_to_stays_out():
    actors = pd.DataFrame({"actor_id": ["ussr", "a", "b", "envoy"], "belongs_to": ["", "b", "a", "ussr"]})
    assert sides.soviet_side(actors) == {"ussr", "envoy"}


@pytest.mark.guards("Handout 2: Krasin, Litvinov, Trotsky and ARCOS count for the Soviet state")
def test_the_networks_soviet_node_is_the_soviet_side_on_the_kits_data():
    actors = kit.load().actors
    side = sides.soviet_side(actors)
    assert {a for a, node in network.node_of(actors).items() if node == network.SOVIET} == side
    assert {"arcos", "krasin", "litvinov", "trotsky", "cpsu"} <= side   # handout 2 and lesson 2 rely on these
