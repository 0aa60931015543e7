-module(exc_badarg_bifs).
-export([main/0]).

%% badarg from a broad range of BIFs called with wrong argument types.

main() ->
    Cases = [{"atom_to_list(1)", fun() -> atom_to_list(id(1)) end},
             {"list_to_atom(1)", fun() -> list_to_atom(id(1)) end},
             {"integer_to_list(a)", fun() -> integer_to_list(id(a)) end},
             {"list_to_integer(\"x\")", fun() -> list_to_integer(id("x")) end},
             {"tuple_to_list(a)", fun() -> tuple_to_list(id(a)) end},
             {"hd(a)", fun() -> hd(id(a)) end},
             {"length(a)", fun() -> length(id(a)) end},
             {"abs(a)", fun() -> abs(id(a)) end},
             {"element(1,a)", fun() -> element(1, id(a)) end},
             {"binary_to_list(a)", fun() -> binary_to_list(id(a)) end},
             {"atom_to_binary(\"a\")", fun() -> atom_to_binary(id("a")) end},
             {"float_to_list(1)", fun() -> float_to_list(id(1)) end},
             {"list_to_float(\"1\")", fun() -> list_to_float(id("1")) end},
             {"erlang:phash2(x, 0)", fun() -> erlang:phash2(x, id(0)) end},
             {"make_tuple(a, 1)", fun() -> erlang:make_tuple(id(a), 1) end},
             {"lists:reverse(a, [])", fun() -> lists:reverse(id(a), []) end},
             {"lists:member(a, b)", fun() -> lists:member(a, id(b)) end},
             {"lists:keyfind(a,1,b)", fun() -> lists:keyfind(a, 1, id(b)) end},
             {"put/get fine", fun() -> put(k, v), get(k) end},
             {"erlang:error(badarg)", fun() -> erlang:error(badarg) end},
             {"binary_part", fun() -> binary_part(id(<<1>>), 0, 2) end},
             {"iolist_size", fun() -> iolist_size(id([a])) end},
             {"term_to_binary opt", fun() -> term_to_binary(x, id([bad])) end},
             {"self ! ok", fun() -> id(not_a_pid) ! msg end},
             {"register bad", fun() -> register(id(1), self()) end},
             {"integer_to_list(1, 99)", fun() -> integer_to_list(1, id(99)) end},
             {"tl(a)", fun() -> tl(id(a)) end},
             {"round(\"1\")", fun() -> round(id("1")) end},
             {"bit_size(1)", fun() -> bit_size(id(1)) end},
             {"unicode bad", fun() -> unicode:characters_to_binary(id(a)) end}],
    [io:format("~s -> ~p~n", [N, t(F)]) || {N, F} <- Cases],
    ok.

id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
