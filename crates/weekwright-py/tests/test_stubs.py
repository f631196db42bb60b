"""The type stubs say what the module does: the same functions, parameters, defaults and
docstrings (editors show the stub's), and the package says it is typed."""

import ast
import inspect
import pathlib

import weekwright

PACKAGE = pathlib.Path(weekwright.__file__).parent


def stub():
    tree = ast.parse((PACKAGE / "__init__.pyi").read_text())
    return {node.name: node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}


def test_the_package_ships_its_stubs_and_py_typed():
    assert (PACKAGE / "py.typed").exists()
    assert (PACKAGE / "__init__.pyi").exists()


def test_the_stubs_name_what_the_module_exports():
    assert set(stub()) == set(weekwright.__all__) - {"__version__"}


def test_each_function_has_the_stubs_parameters_defaults_and_docstring():
    for name, node in stub().items():
        runtime = getattr(weekwright, name)
        assert ast.get_docstring(node) == inspect.getdoc(runtime), name
        if isinstance(node, ast.ClassDef):
            continue
        args = node.args.args
        defaults = [None] * (len(args) - len(node.args.defaults)) + node.args.defaults
        want = [(a.arg, None if d is None else ast.literal_eval(d)) for a, d in zip(args, defaults)]
        got = [
            (p.name, None if p.default is inspect.Parameter.empty else p.default)
            for p in inspect.signature(runtime).parameters.values()
        ]
        assert got == want, name
