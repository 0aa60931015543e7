-module(guard_bifs).
-export([main/0]).

%% Guard BIFs: abs, bit_size, byte_size, ceil, element, float, floor, hd, length, map_get, map_size,
%% is_map_key, max, min, node, round, size, tl, trunc, tuple_size, binary_part, div/rem/band...;
%% failing guard BIFs make the guard false instead of raising.

main() ->
    Vals = [5, -2.5, [1, 2, 3], {a, b, c}, <<"abcd">>, #{k => 1}, atom, [], <<1:3>>],
    [io:format("~w: ~w~n", [V, [G(V) || G <- guards()]]) || V <- Vals],
    io:format("~w~n", [[classify(X) || X <- [0, 7, -7, 100, 3.0, a, "x"]]]),
    io:format("~w~n", [[both(X, Y) || {X, Y} <- [{1, 2}, {2, 1}, {a, 1}, {1, 1.0}]]]),
    io:format("~w~n", [[orelse_guard(X) || X <- [1, a, [], {x}]]]),
    io:format("~w~n", [[semi(X) || X <- [1, -1, 0]]]),
    ok.

guards() ->
    [fun(X) when abs(X) > 2 -> abs; (_) -> no end,
     fun(X) when bit_size(X) > 8 -> bits; (_) -> no end,
     fun(X) when byte_size(X) =:= 4 -> bytes4; (_) -> no end,
     fun(X) when ceil(X) =:= -2 -> ceil; (_) -> no end,
     fun(X) when element(2, X) =:= b -> elem; (_) -> no end,
     fun(X) when float(X) > 1.0 -> flt; (_) -> no end,
     fun(X) when floor(X) =:= -3 -> floor; (_) -> no end,
     fun(X) when hd(X) =:= 1 -> hd; (_) -> no end,
     fun(X) when length(X) > 2 -> len; (_) -> no end,
     fun(X) when map_get(k, X) =:= 1 -> mget; (_) -> no end,
     fun(X) when map_size(X) > 0 -> msize; (_) -> no end,
     fun(X) when is_map_key(k, X) -> mkey; (_) -> no end,
     fun(X) when node(X) =:= nonode -> node; (_) -> no end,
     fun(X) when round(X) =:= -3 -> round; (_) -> no end,
     fun(X) when size(X) =:= 3 -> size; (_) -> no end,
     fun(X) when tl(X) =:= [2, 3] -> tl; (_) -> no end,
     fun(X) when trunc(X) =:= -2 -> trunc; (_) -> no end,
     fun(X) when tuple_size(X) =:= 3 -> tsize; (_) -> no end,
     fun(X) when binary_part(X, 1, 2) =:= <<"bc">> -> bpart; (_) -> no end,
     fun(X) when X rem 2 =:= 1 -> odd; (_) -> no end,
     fun(X) when X band 4 =/= 0 -> 'band'; (_) -> no end,
     fun(X) when -X < 0 -> neg; (_) -> no end,
     fun(X) when not is_atom(X) -> notatom; (_) -> no end].

classify(X) when is_integer(X), X > 0, X rem 2 =:= 1 -> pos_odd;
classify(X) when is_integer(X), X > 0 -> pos_even;
classify(X) when is_integer(X); is_float(X) -> other_number;
classify(_) -> not_number.

both(X, Y) when X < Y, is_integer(X) -> lt;
both(X, Y) when X == Y, X =/= Y -> eq_not_exact;
both(_, _) -> other.

orelse_guard(X) when is_integer(X) orelse is_atom(X) -> yes;
orelse_guard(X) when X =:= [] orelse element(1, X) =:= x -> maybe;
orelse_guard(_) -> no.

semi(X) when X > 0; X < 0 -> nonzero;
semi(_) -> zero.
