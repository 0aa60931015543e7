-module(exc_error_none).
-export([main/0, f/1]).
f(X) -> error(X, none).
g(X) -> error(X, not_a_list).
main() ->
    io:format("~p~n", [catch f(r)]),
    io:format("~p~n", [catch g(r)]).
