%% json.erl — a JSON encoder and decoder over binaries, written here: builds
%% a document of nested maps, lists, strings, integers and floats, encodes it
%% to a binary, decodes it back, checks the round trip; repeated.
%% group: sequential
%% args: items reps
%% full: 2000 10
%% quick: 2000 1
-module(json).
-export([main/1]).

%% ---- encoding: iolist, then one binary
encode(M) when is_map(M) ->
    Fields = [[str(K), $:, encode(V)] || {K, V} <- lists:sort(maps:to_list(M))],
    [${, join(Fields), $}];
encode(L) when is_list(L) -> [$[, join([encode(X) || X <- L]), $]];
encode(B) when is_binary(B) -> str(B);
encode(I) when is_integer(I) -> integer_to_binary(I);
encode(F) when is_float(F) -> float_to_binary(F, [short]);
encode(true) -> <<"true">>;
encode(false) -> <<"false">>;
encode(null) -> <<"null">>.

join([]) -> [];
join([H | T]) -> [H | [[$,, X] || X <- T]].

str(B) -> [$", escape(B, <<>>), $"].

escape(<<>>, Acc) -> Acc;
escape(<<$", R/binary>>, Acc) -> escape(R, <<Acc/binary, $\\, $">>);
escape(<<$\\, R/binary>>, Acc) -> escape(R, <<Acc/binary, $\\, $\\>>);
escape(<<$\n, R/binary>>, Acc) -> escape(R, <<Acc/binary, $\\, $n>>);
escape(<<C, R/binary>>, Acc) -> escape(R, <<Acc/binary, C>>).

%% ---- decoding: a recursive descent parser returning {Value, Rest}
decode(B) -> {V, Rest} = value(ws(B)), <<>> = ws(Rest), V.

value(<<${, R/binary>>) -> object(ws(R), #{});
value(<<$[, R/binary>>) -> array(ws(R), []);
value(<<$", R/binary>>) -> string(R, <<>>);
value(<<"true", R/binary>>) -> {true, R};
value(<<"false", R/binary>>) -> {false, R};
value(<<"null", R/binary>>) -> {null, R};
value(B) -> number(B, <<>>).

object(<<$}, R/binary>>, M) -> {M, R};
object(<<$", R/binary>>, M) ->
    {K, R1} = string(R, <<>>),
    <<$:, R2/binary>> = ws(R1),
    {V, R3} = value(ws(R2)),
    case ws(R3) of
        <<$,, R4/binary>> -> object(ws(R4), M#{K => V});
        <<$}, R4/binary>> -> {M#{K => V}, R4}
    end.

array(<<$], R/binary>>, Acc) -> {lists:reverse(Acc), R};
array(B, Acc) ->
    {V, R} = value(B),
    case ws(R) of
        <<$,, R1/binary>> -> array(ws(R1), [V | Acc]);
        <<$], R1/binary>> -> {lists:reverse([V | Acc]), R1}
    end.

string(<<$", R/binary>>, Acc) -> {Acc, R};
string(<<$\\, $n, R/binary>>, Acc) -> string(R, <<Acc/binary, $\n>>);
string(<<$\\, C, R/binary>>, Acc) -> string(R, <<Acc/binary, C>>);
string(<<C, R/binary>>, Acc) -> string(R, <<Acc/binary, C>>).

number(<<C, R/binary>>, Acc) when C >= $0, C =< $9; C =:= $-; C =:= $.; C =:= $e; C =:= $E; C =:= $+ ->
    number(R, <<Acc/binary, C>>);
number(R, Acc) ->
    case binary:match(Acc, [<<".">>, <<"e">>, <<"E">>]) of
        nomatch -> {binary_to_integer(Acc), R};
        _ -> {binary_to_float(Acc), R}
    end.

ws(<<C, R/binary>>) when C =:= $\s; C =:= $\n; C =:= $\t; C =:= $\r -> ws(R);
ws(B) -> B.

%% ---- the document
doc(N) ->
    #{<<"name">> => <<"girder \"bench\"\nsuite">>,
      <<"version">> => 25,
      <<"items">> => [item(I) || I <- lists:seq(1, N)]}.

item(I) ->
    #{<<"id">> => I,
      <<"label">> => <<"item-", (integer_to_binary(I))/binary>>,
      <<"price">> => I * 1.25,
      <<"tags">> => [<<"a">>, <<"bb">>, <<"ccc">>],
      <<"active">> => I rem 2 =:= 0,
      <<"owner">> => null,
      <<"dims">> => #{<<"w">> => I rem 7, <<"h">> => -(I rem 11)}}.

loop(0, _, Acc) -> Acc;
loop(K, Doc, Acc) ->
    Bin = iolist_to_binary(encode(Doc)),
    Doc = decode(Bin),
    loop(K - 1, Doc, (Acc + erlang:crc32(Bin)) rem 1000000007).

main([Items, Reps]) ->
    Doc = doc(bench_lib:int(Items)),
    {R, Us} = bench_lib:timed(fun() -> loop(bench_lib:int(Reps), Doc, 0) end),
    bench_lib:report(R, Us).
