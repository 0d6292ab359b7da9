import pytest

import ccsim


def test_a_bad_path_is_a_scenario_error_with_its_place():
    with pytest.raises(ccsim.ScenarioError) as caught:
        ccsim.run("scenarios/erlang-a.yaml", **{"team.agnets": 50})
    issue = caught.value.issues[0]
    assert issue.file == "scenarios/erlang-a.yaml"
    assert issue.path == "--set team.agnets=50"
    assert "did you mean 'team.agents'?" in issue.message
    assert caught.value.status == 2


def test_a_bad_value_names_the_field():
    with pytest.raises(ccsim.ScenarioError) as caught:
        ccsim.run("scenarios/erlang-a.yaml", team__agents=0)
    assert "team.agents: must be at least 1, got 0" in str(caught.value)


def test_a_broken_scenario_file_is_located(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text((ccsim_root() / "scenarios/erlang-a.yaml").read_text().replace("agents: 48", "agents: -3"))
    with pytest.raises(ccsim.ScenarioError) as caught:
        ccsim.run(broken)
    issue = caught.value.issues[0]
    assert issue.file == str(broken) and issue.line is not None and issue.column is not None
    assert issue.path == "team.agents"


def test_bad_arguments_are_usage_errors():
    with pytest.raises(ccsim.UsageError) as caught:
        ccsim.run("scenarios/erlang-a.yaml", replications=0)
    assert "--replications must be between 1" in str(caught.value)


def test_a_missing_binary_says_how_to_build(monkeypatch, tmp_path):
    monkeypatch.setenv("CCSIM_BIN", str(tmp_path / "nothing"))
    with pytest.raises(ccsim.BinaryNotFoundError) as caught:
        ccsim.run("scenarios/erlang-a.yaml")
    assert "make build" in str(caught.value)


def test_a_folder_of_nothing_is_an_output_error(tmp_path):
    with pytest.raises(ccsim.OutputError, match="not a ccsim output folder"):
        ccsim.load(tmp_path)
    with pytest.raises(ccsim.OutputError, match="no such folder"):
        ccsim.load(tmp_path / "absent")


def ccsim_root():
    import pathlib
    return pathlib.Path(__file__).resolve().parents[2]
